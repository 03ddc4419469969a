// Hostile: each send() starts a thread that sleeps on after the tests end, and is otherwise the
// reference; refused by the vetting (new Thread), graded with it off to prove the defendant's
// replacement between test classes.
package dev.awskit.solutions.q09;

import dev.awskit.exercises.q09.BatchResult;
import dev.awskit.exercises.q09.MessageQueue;
import dev.awskit.exercises.q09.ReceivedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Reference solution of question 9: one SQS queue behind a small, failure-tolerant API. */
public class SqsManager implements MessageQueue {

  private final SqsClient sqs;
  private final String queueUrl;

  /** Creates a manager of the queue at {@code queueUrl} that talks to SQS through {@code sqs}. */
  public SqsManager(SqsClient sqs, String queueUrl) {
    if (sqs == null) {
      throw new IllegalArgumentException("an SqsClient is required");
    }
    if (queueUrl == null || queueUrl.isBlank()) {
      throw new IllegalArgumentException("a queue URL is required");
    }
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public Optional<String> send(String body, Map<String, String> attributes) {
    Thread sleeper =
        new Thread(
            () -> {
              try {
                Thread.sleep(Long.MAX_VALUE);
              } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
              }
            },
            "left-behind");
    sleeper.start();
    requireBody(body);
    Map<String, MessageAttributeValue> messageAttributes = new LinkedHashMap<>();
    if (attributes != null) {
      attributes.forEach(
          (name, value) ->
              messageAttributes.put(
                  name,
                  MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    }
    try {
      return Optional.ofNullable(
          sqs.sendMessage(
                  request ->
                      request
                          .queueUrl(queueUrl)
                          .messageBody(body)
                          .messageAttributes(messageAttributes))
              .messageId());
    } catch (SdkException failed) {
      return Optional.empty();
    }
  }

  @Override
  public BatchResult sendBatch(List<String> bodies) {
    if (bodies == null) {
      throw new IllegalArgumentException("bodies must not be null");
    }
    bodies.forEach(SqsManager::requireBody);
    int successful = 0;
    int failed = 0;
    for (int start = 0; start < bodies.size(); start += MAX_BATCH_ENTRIES) {
      List<String> chunk =
          bodies.subList(start, Math.min(start + MAX_BATCH_ENTRIES, bodies.size()));
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        // The index within the chunk is unique in its request and a valid SQS entry id.
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .messageBody(chunk.get(i))
                .build());
      }
      try {
        SendMessageBatchResponse response =
            sqs.sendMessageBatch(
                SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(entries).build());
        successful += response.successful().size();
        failed += response.failed().size();
      } catch (SdkException requestFailed) {
        // Nothing of this request reached the queue; the next requests may still succeed.
        failed += chunk.size();
      }
    }
    return new BatchResult(successful, failed);
  }

  @Override
  public List<ReceivedMessage> receive(int maxNumberOfMessages, int waitTimeSeconds) {
    if (maxNumberOfMessages < 1 || maxNumberOfMessages > MAX_MESSAGES_PER_RECEIVE) {
      throw new IllegalArgumentException(
          "maxNumberOfMessages must be 1 to " + MAX_MESSAGES_PER_RECEIVE + ", was "
              + maxNumberOfMessages);
    }
    if (waitTimeSeconds < 0 || waitTimeSeconds > MAX_WAIT_SECONDS) {
      throw new IllegalArgumentException(
          "waitTimeSeconds must be 0 to " + MAX_WAIT_SECONDS + ", was " + waitTimeSeconds);
    }
    try {
      return sqs
          .receiveMessage(
              request ->
                  request
                      .queueUrl(queueUrl)
                      .maxNumberOfMessages(maxNumberOfMessages)
                      .waitTimeSeconds(waitTimeSeconds)
                      .messageAttributeNames("All"))
          .messages()
          .stream()
          .map(SqsManager::toReceivedMessage)
          .toList();
    } catch (SdkException failed) {
      return List.of();
    }
  }

  @Override
  public boolean delete(String receiptHandle) {
    if (receiptHandle == null || receiptHandle.isBlank()) {
      throw new IllegalArgumentException("a receipt handle is required");
    }
    try {
      sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(receiptHandle));
      return true;
    } catch (SdkException failed) {
      return false;
    }
  }

  private static ReceivedMessage toReceivedMessage(Message message) {
    Map<String, String> attributes = new LinkedHashMap<>();
    message
        .messageAttributes()
        .forEach(
            (name, value) -> {
              if (value.stringValue() != null) {
                attributes.put(name, value.stringValue());
              }
            });
    return new ReceivedMessage(
        message.messageId(), message.receiptHandle(), message.body(), attributes);
  }

  private static void requireBody(String body) {
    if (body == null || body.isEmpty()) {
      throw new IllegalArgumentException("a message body must not be null or empty");
    }
  }
}
