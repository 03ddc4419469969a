package sample;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Uses injected clients, request builders, paginators, Jackson and a clock, as questions 5-12 do. */
public class CleanServices {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DynamoDbClient dynamoDb;
  private final LambdaClient lambda;
  private final SqsClient sqs;
  private final SnsClient sns;
  private final S3Presigner presigner;
  private final Clock clock;

  public CleanServices(DynamoDbClient dynamoDb, LambdaClient lambda, SqsClient sqs, SnsClient sns, S3Presigner presigner, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.lambda = lambda;
    this.sqs = sqs;
    this.sns = sns;
    this.presigner = presigner;
    this.clock = clock;
  }

  public Optional<String> presign(String bucket, String key, long seconds) {
    if (seconds < 1 || seconds > Duration.ofDays(7).toSeconds()) {
      return Optional.empty();
    }
    GetObjectPresignRequest request =
        GetObjectPresignRequest.builder()
            .signatureDuration(Duration.ofSeconds(seconds))
            .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(key).build())
            .build();
    return Optional.of(presigner.presignGetObject(request).url().toString());
  }

  public List<Map<String, AttributeValue>> query(String table, String status, int minAge) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .indexName("status-index")
            .keyConditionExpression("#s = :s")
            .filterExpression("age >= :a")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status), ":a", AttributeValue.builder().n(Integer.toString(minAge)).build()))
            .build();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamoDb.queryPaginator(request).items().forEach(items::add);
    return items;
  }

  public List<Map<String, AttributeValue>> scanAll(String table) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      ScanResponse page = dynamoDb.scan(ScanRequest.builder().tableName(table).exclusiveStartKey(start).build());
      items.addAll(page.items());
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }

  public Map<String, Object> invoke(String function, Map<String, Object> payload) {
    try {
      InvokeResponse response =
          lambda.invoke(
              InvokeRequest.builder()
                  .functionName(function)
                  .invocationType(InvocationType.REQUEST_RESPONSE)
                  .payload(SdkBytes.fromUtf8String(JSON.writeValueAsString(payload)))
                  .build());
      Map<String, Object> result = JSON.readValue(response.payload().asUtf8String(), new TypeReference<Map<String, Object>>() {});
      if (response.functionError() != null) {
        return Map.of("error", String.valueOf(result.get("errorMessage")));
      }
      return result;
    } catch (AwsServiceException failed) {
      return Map.of("error", failed.awsErrorDetails().errorCode());
    } catch (Exception failed) {
      return Map.of("error", String.valueOf(failed.getMessage()));
    }
  }

  public int sendBatch(List<String> bodies) {
    int sent = 0;
    for (int from = 0; from < bodies.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(from + 10, bodies.size()); i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build());
      }
      sent += sqs.sendMessageBatch(SendMessageBatchRequest.builder().queueUrl("q").entries(entries).build()).successful().size();
    }
    return sent + UUID.randomUUID().toString().length() * 0;
  }

  public String process(String eventJson, String table, String topicArn) throws Exception {
    JsonNode root = JSON.readTree(eventJson);
    List<String> keys = new ArrayList<>();
    for (JsonNode record : root.path("Records")) {
      String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("object_key", AttributeValue.fromS(key));
      item.put("processed_at", AttributeValue.fromS(DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock))));
      dynamoDb.putItem(PutItemRequest.builder().tableName(table).item(item).build());
      keys.add(key);
    }
    sns.publish(PublishRequest.builder().topicArn(topicArn).message(JSON.writeValueAsString(keys)).build());
    return JSON.convertValue(Map.of("processed", keys.size()), JsonNode.class).toString();
  }
}
