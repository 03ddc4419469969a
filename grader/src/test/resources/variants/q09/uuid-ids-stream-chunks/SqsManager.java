// Variant: request objects everywhere, chunks cut with IntStream and random UUIDs as entry ids.
package dev.awskit.solutions.q09;

import dev.awskit.exercises.q09.BatchResult;
import dev.awskit.exercises.q09.MessageQueue;
import dev.awskit.exercises.q09.ReceivedMessage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

public class SqsManager implements MessageQueue {

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsManager(SqsClient sqs, String queueUrl) {
    this.sqs = Objects.requireNonNull(sqs);
    this.queueUrl = Objects.requireNonNull(queueUrl);
  }

  @Override
  public Optional<String> send(String body, Map<String, String> attributes) {
    if (body == null || body.isEmpty()) {
      throw new IllegalArgumentException("body");
    }
    Map<String, MessageAttributeValue> values =
        attributes == null
            ? Map.of()
            : attributes.entrySet().stream()
                .collect(Collectors.toMap(
                    Map.Entry::getKey,
                    e -> MessageAttributeValue.builder()
                        .dataType("String").stringValue(e.getValue()).build()));
    SendMessageRequest request = SendMessageRequest.builder()
        .queueUrl(queueUrl).messageBody(body).messageAttributes(values).build();
    try {
      return Optional.ofNullable(sqs.sendMessage(request).messageId());
    } catch (SdkException e) {
      return Optional.empty();
    }
  }

  @Override
  public BatchResult sendBatch(List<String> bodies) {
    if (bodies == null || bodies.stream().anyMatch(b -> b == null || b.isEmpty())) {
      throw new IllegalArgumentException("bodies");
    }
    int chunks = (bodies.size() + 9) / 10;
    int[] counts = new int[2];
    IntStream.range(0, chunks)
        .mapToObj(c -> bodies.subList(c * 10, Math.min(bodies.size(), c * 10 + 10)))
        .forEach(chunk -> {
          List<SendMessageBatchRequestEntry> entries = chunk.stream()
              .map(body -> SendMessageBatchRequestEntry.builder()
                  .id(UUID.randomUUID().toString()).messageBody(body).build())
              .toList();
          try {
            SendMessageBatchResponse response = sqs.sendMessageBatch(
                SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(entries).build());
            counts[0] += response.successful().size();
            counts[1] += response.failed().size();
          } catch (SdkException e) {
            counts[1] += entries.size();
          }
        });
    return new BatchResult(counts[0], counts[1]);
  }

  @Override
  public List<ReceivedMessage> receive(int maxNumberOfMessages, int waitTimeSeconds) {
    if (maxNumberOfMessages < 1 || maxNumberOfMessages > MAX_MESSAGES_PER_RECEIVE
        || waitTimeSeconds < 0 || waitTimeSeconds > MAX_WAIT_SECONDS) {
      throw new IllegalArgumentException("out of range");
    }
    ReceiveMessageRequest request = ReceiveMessageRequest.builder()
        .queueUrl(queueUrl)
        .maxNumberOfMessages(maxNumberOfMessages)
        .waitTimeSeconds(waitTimeSeconds)
        .messageAttributeNames("All")
        .build();
    try {
      return sqs.receiveMessage(request).messages().stream()
          .map(m -> new ReceivedMessage(m.messageId(), m.receiptHandle(), m.body(),
              m.messageAttributes().entrySet().stream()
                  .filter(e -> e.getValue().stringValue() != null)
                  .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stringValue()))))
          .toList();
    } catch (SdkException e) {
      return List.of();
    }
  }

  @Override
  public boolean delete(String receiptHandle) {
    if (receiptHandle == null || receiptHandle.isBlank()) {
      throw new IllegalArgumentException("receiptHandle");
    }
    try {
      sqs.deleteMessage(DeleteMessageRequest.builder()
          .queueUrl(queueUrl).receiptHandle(receiptHandle).build());
      return true;
    } catch (SdkException e) {
      return false;
    }
  }
}
