package dev.awskit.grader.hidden.q09;

import static dev.awskit.grader.hidden.ServiceErrors.sqsError;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * The limits SQS checks before it accepts a request, so that the SQS double of question 9 refuses
 * what SQS refuses, with the exception the SDK raises for SQS's answer (status 400 and SQS's error
 * code), and accepts the rest.
 */
final class SqsRules {

  /**
   * At most 10 entries per batch request. Source: SendMessageBatch, "Entries",
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
   * and "Message batch" in
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
   */
  static final int MAX_BATCH_ENTRIES = 10;

  /**
   * A batch entry id: up to 80 alphanumeric characters, hyphens and underscores. Source: "Id" in
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatchRequestEntry.html
   * and "Batched message ID" in
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
   */
  static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  /**
   * The largest message, and the largest batch request, in bytes: 1 MiB (1,048,576 bytes), the
   * limit since August 2025 (it was 256 KiB before). Source: "MessageBody" in
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
   * ("The maximum size is 1 MiB or 1,048,576 bytes") and the error BatchRequestTooLong in
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
   */
  static final int MAX_MESSAGE_BYTES = 1_048_576;

  /**
   * MaxNumberOfMessages is 1 to 10 and WaitTimeSeconds 0 to 20. Source: "MaxNumberOfMessages"
   * and "WaitTimeSeconds" in
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
   */
  static final int MAX_MESSAGES_PER_RECEIVE = 10;

  static final int MAX_WAIT_SECONDS = 20;

  private SqsRules() {}

  /** Throws what SQS answers to a SendMessage request it refuses. */
  static void checkSend(SendMessageRequest request) {
    checkSize(size(request.messageBody(), request.messageAttributes()));
  }

  /** Throws what SQS answers to a SendMessageBatch request it refuses. */
  static void checkSendBatch(SendMessageBatchRequest request) {
    int entries = request.entries().size();
    if (entries == 0) {
      throw sqsError(EmptyBatchRequestException.builder(),
          "AWS.SimpleQueueService.EmptyBatchRequest",
          "There should be at least one SendMessageBatchRequestEntry in the request.");
    }
    if (entries > MAX_BATCH_ENTRIES) {
      throw sqsError(TooManyEntriesInBatchRequestException.builder(),
          "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
          "Maximum number of entries per request are " + MAX_BATCH_ENTRIES + ". You have sent "
              + entries + ".");
    }
    Set<String> ids = new HashSet<>();
    long total = 0;
    for (SendMessageBatchRequestEntry entry : request.entries()) {
      String id = entry.id();
      if (id == null || !ENTRY_ID.matcher(id).matches()) {
        throw sqsError(InvalidBatchEntryIdException.builder(),
            "AWS.SimpleQueueService.InvalidBatchEntryId",
            "A batch entry id can only contain alphanumeric characters, hyphens and underscores."
                + " It can be at most 80 letters long.");
      }
      if (!ids.add(id)) {
        throw sqsError(BatchEntryIdsNotDistinctException.builder(),
            "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Id " + id + " repeated.");
      }
      long size = size(entry.messageBody(), entry.messageAttributes());
      checkSize(size);
      total += size;
    }
    if (total > MAX_MESSAGE_BYTES) {
      throw sqsError(BatchRequestTooLongException.builder(),
          "AWS.SimpleQueueService.BatchRequestTooLong",
          "Batch requests cannot be longer than " + MAX_MESSAGE_BYTES + " bytes. You have sent "
              + total + " bytes.");
    }
  }

  /** Throws what SQS answers to a ReceiveMessage request it refuses. */
  static void checkReceive(ReceiveMessageRequest request) {
    Integer max = request.maxNumberOfMessages();
    if (max != null && (max < 1 || max > MAX_MESSAGES_PER_RECEIVE)) {
      throw invalidParameter("Value " + max + " for parameter MaxNumberOfMessages is invalid."
          + " Reason: Must be between 1 and " + MAX_MESSAGES_PER_RECEIVE + ", if provided.");
    }
    Integer wait = request.waitTimeSeconds();
    if (wait != null && (wait < 0 || wait > MAX_WAIT_SECONDS)) {
      throw invalidParameter("Value " + wait + " for parameter WaitTimeSeconds is invalid."
          + " Reason: Must be >= 0 and <= " + MAX_WAIT_SECONDS + ", if provided.");
    }
  }

  private static void checkSize(long size) {
    if (size > MAX_MESSAGE_BYTES) {
      throw invalidParameter("One or more parameters are invalid. Reason: Message must be"
          + " shorter than " + MAX_MESSAGE_BYTES + " bytes.");
    }
  }

  /** A message's size as SQS counts it: its body plus its attributes' names, types and values. */
  private static long size(String body, Map<String, MessageAttributeValue> attributes) {
    long size = utf8(body);
    for (Map.Entry<String, MessageAttributeValue> attribute : attributes.entrySet()) {
      MessageAttributeValue value = attribute.getValue();
      size += utf8(attribute.getKey()) + utf8(value.dataType()) + utf8(value.stringValue())
          + (value.binaryValue() == null ? 0 : value.binaryValue().asByteArray().length);
    }
    return size;
  }

  private static long utf8(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static SqsException invalidParameter(String message) {
    return sqsError("InvalidParameterValue", message);
  }
}
