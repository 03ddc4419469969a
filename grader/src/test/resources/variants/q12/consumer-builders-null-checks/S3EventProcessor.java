// Variant: Consumer<Builder> requests, JsonNode.get with null checks, one timestamp per event, another message text.
package dev.awskit.solutions.q12;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.exercises.q12.ProcessedObject;
import dev.awskit.exercises.q12.ProcessingStatus;
import dev.awskit.exercises.q12.ProcessingSummary;
import dev.awskit.exercises.q12.UploadEventHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

public class S3EventProcessor implements UploadEventHandler {

  private final DynamoDbClient dynamoDb;
  private final SnsClient sns;
  private final String tableName;
  private final String topicArn;
  private final Clock clock;

  public S3EventProcessor(
      DynamoDbClient dynamoDb, SnsClient sns, String tableName, String topicArn, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.sns = sns;
    this.tableName = tableName;
    this.topicArn = topicArn;
    this.clock = clock;
  }

  @Override
  public ProcessingSummary process(String eventJson) {
    List<ProcessedObject> objects = new ArrayList<>();
    try {
      JsonNode root = new ObjectMapper().readTree(eventJson == null ? "" : eventJson);
      JsonNode records = root == null ? null : root.get("Records");
      if (records == null || !records.isArray()) {
        return new ProcessingSummary(ProcessingStatus.ERROR, List.of(), "no Records in event");
      }
      for (JsonNode record : records) {
        JsonNode s3 = record.get("s3");
        JsonNode bucket = s3 == null || s3.get("bucket") == null ? null : s3.get("bucket").get("name");
        JsonNode object = s3 == null ? null : s3.get("object");
        JsonNode key = object == null ? null : object.get("key");
        JsonNode size = object == null ? null : object.get("size");
        if (bucket == null || bucket.asText().isBlank() || key == null || key.asText().isEmpty()
            || size == null || !size.canConvertToLong() || size.asLong() < 0) {
          return new ProcessingSummary(ProcessingStatus.ERROR, List.of(), "incomplete record");
        }
        objects.add(new ProcessedObject(bucket.asText(),
            URLDecoder.decode(key.asText(), StandardCharsets.UTF_8), size.asLong()));
      }
    } catch (Exception unreadable) {
      return new ProcessingSummary(ProcessingStatus.ERROR, List.of(),
          "cannot read event: " + unreadable.getMessage());
    }
    if (objects.isEmpty()) {
      return new ProcessingSummary(ProcessingStatus.SUCCESS, List.of(), null);
    }

    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    List<ProcessedObject> done = new ArrayList<>();
    for (ProcessedObject o : objects) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("object_key", AttributeValue.builder().s(o.key()).build());
      item.put("bucket", AttributeValue.builder().s(o.bucket()).build());
      item.put("size", AttributeValue.builder().n(String.valueOf(o.size())).build());
      item.put("processed_at", AttributeValue.builder().s(now).build());
      try {
        dynamoDb.putItem(b -> b.tableName(tableName).item(item));
      } catch (AwsServiceException | SdkClientException e) {
        return new ProcessingSummary(ProcessingStatus.ERROR, done, "store failed: " + e);
      }
      done.add(o);
    }

    StringBuilder message = new StringBuilder("Files processed at " + now + ":");
    done.forEach(o -> message.append(' ').append(o.key()).append(';'));
    try {
      sns.publish(b -> b.topicArn(topicArn).subject("Upload complete").message(message.toString()));
    } catch (AwsServiceException | SdkClientException e) {
      return new ProcessingSummary(ProcessingStatus.ERROR, done, "notification failed: " + e);
    }
    return new ProcessingSummary(ProcessingStatus.SUCCESS, done, null);
  }
}
