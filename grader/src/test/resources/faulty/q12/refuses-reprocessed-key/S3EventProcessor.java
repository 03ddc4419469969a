// Faulty: stores a key only if it is not in the table yet, so a new upload of the same key fails.
package dev.awskit.solutions.q12;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.exercises.q12.ProcessedObject;
import dev.awskit.exercises.q12.ProcessingSummary;
import dev.awskit.exercises.q12.UploadEventHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

public class S3EventProcessor implements UploadEventHandler {

  private final DynamoDbClient dynamoDb;
  private final SnsClient sns;
  private final String tableName;
  private final String topicArn;
  private final Clock clock;
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Creates a processor that writes to {@code tableName} and publishes to {@code topicArn}.
   *
   * @throws NullPointerException if an argument is {@code null}
   */
  public S3EventProcessor(
      DynamoDbClient dynamoDb, SnsClient sns, String tableName, String topicArn, Clock clock) {
    this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
    this.sns = Objects.requireNonNull(sns, "sns");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ProcessingSummary process(String eventJson) {
    List<ProcessedObject> uploads;
    try {
      uploads = readRecords(eventJson);
    } catch (MalformedEventException malformed) {
      return ProcessingSummary.error("Malformed S3 event: " + malformed.getMessage(), List.of());
    }
    if (uploads.isEmpty()) {
      return ProcessingSummary.success(List.of());
    }

    List<ProcessedObject> stored = new ArrayList<>();
    for (ProcessedObject upload : uploads) {
      try {
        dynamoDb.putItem(
            PutItemRequest.builder()
                .tableName(tableName)
                .item(itemOf(upload))
                .conditionExpression("attribute_not_exists(object_key)")
                .build());
      } catch (SdkException failed) {
        // Stop here: announcing success now would claim records that are not in the table.
        return ProcessingSummary.error(
            "Storing " + upload.key() + " in " + tableName + " failed: " + failed.getMessage(),
            stored);
      }
      stored.add(upload);
    }

    try {
      sns.publish(
          PublishRequest.builder()
              .topicArn(topicArn)
              .subject("S3 upload processed: " + stored.size() + " object(s)")
              .message(messageAbout(stored))
              .build());
    } catch (SdkException failed) {
      return ProcessingSummary.error(
          "The records were stored, but publishing the notification failed: "
              + failed.getMessage(),
          stored);
    }
    return ProcessingSummary.success(stored);
  }

  private List<ProcessedObject> readRecords(String eventJson) {
    if (eventJson == null || eventJson.isBlank()) {
      throw new MalformedEventException("the event is empty");
    }
    JsonNode event;
    try {
      event = json.readTree(eventJson);
    } catch (JsonProcessingException notJson) {
      throw new MalformedEventException("the event is not valid JSON");
    }
    JsonNode records = event.path("Records");
    if (!records.isArray()) {
      throw new MalformedEventException("the event has no Records array");
    }
    List<ProcessedObject> uploads = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      uploads.add(readRecord(records.get(i), i));
    }
    return uploads;
  }

  private static ProcessedObject readRecord(JsonNode entry, int index) {
    JsonNode s3 = entry.path("s3");
    JsonNode bucket = s3.path("bucket").path("name");
    JsonNode key = s3.path("object").path("key");
    JsonNode size = s3.path("object").path("size");
    if (!bucket.isTextual() || bucket.asText().isBlank()) {
      throw new MalformedEventException("record " + index + " has no s3.bucket.name");
    }
    if (!key.isTextual() || key.asText().isEmpty()) {
      throw new MalformedEventException("record " + index + " has no s3.object.key");
    }
    if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
      throw new MalformedEventException("record " + index + " has no valid s3.object.size");
    }
    String decodedKey;
    try {
      // S3 encodes keys like an HTML form: %XX escapes, and '+' for a space.
      decodedKey = URLDecoder.decode(key.asText(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      throw new MalformedEventException("record " + index + " has a key that cannot be decoded");
    }
    return new ProcessedObject(bucket.asText(), decodedKey, size.asLong());
  }

  private Map<String, AttributeValue> itemOf(ProcessedObject upload) {
    return Map.of(
        "object_key", AttributeValue.fromS(upload.key()),
        "bucket", AttributeValue.fromS(upload.bucket()),
        "size", AttributeValue.fromN(Long.toString(upload.size())),
        "processed_at", AttributeValue.fromS(Instant.now(clock).toString()));
  }

  private static String messageAbout(List<ProcessedObject> stored) {
    return "Processed " + stored.size() + " uploaded object(s):\n"
        + stored.stream()
            .map(upload -> "- s3://" + upload.bucket() + "/" + upload.key() + " ("
                + upload.size() + " bytes)")
            .collect(Collectors.joining("\n"));
  }

  /** Says why an event cannot be read; never leaves this class. */
  private static final class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedEventException(String message) {
      super(message, null, false, false);
    }
  }
}
