// Variant: Consumer<Builder> requests everywhere, a while loop over chunks and ids "msg-<index in the whole list>".
package dev.awskit.solutions.q09;

import dev.awskit.exercises.q09.BatchResult;
import dev.awskit.exercises.q09.MessageQueue;
import dev.awskit.exercises.q09.ReceivedMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

public class SqsManager implements MessageQueue {

  private final SqsClient client;
  private final String url;

  public SqsManager(SqsClient client, String url) {
    if (client == null || url == null || url.isBlank()) {
      throw new IllegalArgumentException("client and queue URL are required");
    }
    this.client = client;
    this.url = url;
  }

  @Override
  public Optional<String> send(String body, Map<String, String> attributes) {
    if (body == null || body.isEmpty()) {
      throw new IllegalArgumentException("empty body");
    }
    Map<String, MessageAttributeValue> values = new HashMap<>();
    if (attributes != null) {
      for (Map.Entry<String, String> e : attributes.entrySet()) {
        values.put(e.getKey(), MessageAttributeValue.builder()
            .stringValue(e.getValue()).dataType("String").build());
      }
    }
    try {
      SendMessageResponse response = client.sendMessage(b -> {
        b.queueUrl(url).messageBody(body);
        if (!values.isEmpty()) {
          b.messageAttributes(values);
        }
      });
      return Optional.of(response.messageId());
    } catch (AwsServiceException | SdkClientException e) {
      return Optional.empty();
    }
  }

  @Override
  public BatchResult sendBatch(List<String> bodies) {
    if (bodies == null || bodies.stream().anyMatch(b -> b == null || b.isEmpty())) {
      throw new IllegalArgumentException("bad bodies");
    }
    int ok = 0;
    int bad = 0;
    int next = 0;
    while (next < bodies.size()) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      while (next < bodies.size() && entries.size() < 10) {
        entries.add(SendMessageBatchRequestEntry.builder()
            .id("msg-" + next).messageBody(bodies.get(next)).build());
        next++;
      }
      try {
        SendMessageBatchResponse response =
            client.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        ok += response.successful().size();
        bad += response.failed().size();
      } catch (AwsServiceException | SdkClientException e) {
        bad += entries.size();
      }
    }
    return new BatchResult(ok, bad);
  }

  @Override
  public List<ReceivedMessage> receive(int maxNumberOfMessages, int waitTimeSeconds) {
    if (maxNumberOfMessages < 1 || maxNumberOfMessages > 10) {
      throw new IllegalArgumentException("maxNumberOfMessages");
    }
    if (waitTimeSeconds < 0 || waitTimeSeconds > 20) {
      throw new IllegalArgumentException("waitTimeSeconds");
    }
    List<Message> messages;
    try {
      messages = client.receiveMessage(b -> b.queueUrl(url)
          .maxNumberOfMessages(maxNumberOfMessages)
          .waitTimeSeconds(waitTimeSeconds)
          .messageAttributeNames(".*")).messages();
    } catch (AwsServiceException | SdkClientException e) {
      return new ArrayList<>();
    }
    List<ReceivedMessage> result = new ArrayList<>();
    for (Message m : messages) {
      Map<String, String> attrs = new HashMap<>();
      if (m.hasMessageAttributes()) {
        m.messageAttributes().forEach((k, v) -> {
          if (v.stringValue() != null) {
            attrs.put(k, v.stringValue());
          }
        });
      }
      result.add(new ReceivedMessage(m.messageId(), m.receiptHandle(), m.body(), attrs));
    }
    return result;
  }

  @Override
  public boolean delete(String receiptHandle) {
    if (receiptHandle == null || receiptHandle.isBlank()) {
      throw new IllegalArgumentException("receipt handle");
    }
    try {
      client.deleteMessage(b -> b.queueUrl(url).receiptHandle(receiptHandle));
      return true;
    } catch (AwsServiceException | SdkClientException e) {
      return false;
    }
  }
}
