package dev.awskit.exercises.q09;

import dev.awskit.exercises.NotImplementedYet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends, receives and deletes messages of one SQS queue: complete this class (question 9). */
public class SqsManager implements MessageQueue {

  private final SqsClient sqs;
  private final String queueUrl;

  /** Creates a manager of the queue at {@code queueUrl} that talks to SQS through {@code sqs}. */
  public SqsManager(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public Optional<String> send(String body, Map<String, String> attributes) {
    throw new NotImplementedYet(9);
  }

  @Override
  public BatchResult sendBatch(List<String> bodies) {
    throw new NotImplementedYet(9);
  }

  @Override
  public List<ReceivedMessage> receive(int maxNumberOfMessages, int waitTimeSeconds) {
    throw new NotImplementedYet(9);
  }

  @Override
  public boolean delete(String receiptHandle) {
    throw new NotImplementedYet(9);
  }
}
