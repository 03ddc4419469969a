// Hostile: beside the reference SqsManager, leaves a second class that implements MessageQueue.
package dev.awskit.solutions.q09;

import dev.awskit.exercises.q09.BatchResult;
import dev.awskit.exercises.q09.MessageQueue;
import dev.awskit.exercises.q09.ReceivedMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A second implementation of the same contract, left in by mistake. */
public final class SqsManagerBackup implements MessageQueue {

  public SqsManagerBackup(SqsClient sqs, String queueUrl) {}

  @Override
  public Optional<String> send(String body, Map<String, String> attributes) {
    return Optional.empty();
  }

  @Override
  public BatchResult sendBatch(List<String> bodies) {
    return new BatchResult(0, bodies.size());
  }

  @Override
  public List<ReceivedMessage> receive(int maxNumberOfMessages, int waitTimeSeconds) {
    return List.of();
  }

  @Override
  public boolean delete(String receiptHandle) {
    return false;
  }
}
