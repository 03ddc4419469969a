package dev.awskit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.awskit.exercises.q05.PresignedOperation;
import dev.awskit.exercises.q09.BatchResult;
import dev.awskit.exercises.q09.ReceivedMessage;
import dev.awskit.exercises.q10.ObjectSummary;
import dev.awskit.exercises.q12.ProcessingStatus;
import dev.awskit.exercises.q12.ProcessingSummary;
import dev.awskit.solutions.q03.S3BucketCreator;
import dev.awskit.solutions.q04.S3ObjectTransfer;
import dev.awskit.solutions.q05.S3UrlPresigner;
import dev.awskit.solutions.q06.DynamoDbManager;
import dev.awskit.solutions.q07.UsersByStatusQuery;
import dev.awskit.solutions.q09.SqsManager;
import dev.awskit.solutions.q10.S3ObjectLister;
import dev.awskit.solutions.q12.S3EventProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the reference solution against the engines end to end, with more than one page of
 * everything it pages through, and writes what each question did to docs/engine-conformance.md.
 * SNS has no open engine, so question 12 publishes to a mock and stores in dynalite.
 */
@ExtendWith(Engines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class ReferenceEndToEndTest {

  /** DynamoDB's largest item is 400 KB; items of 300 KB fill a 1 MB page with three or four. */
  private static final String PADDING = "p".repeat(300_000);

  private final ConformanceReport report =
      new ConformanceReport(
          "end-to-end", "| question | what ran against the engine | requests |\n|---|---|---|\n");

  @AfterAll
  void writeReport() throws Exception {
    // A run without one of the engines (skipped tests) has an incomplete table to say nothing.
    long tests = Arrays.stream(getClass().getDeclaredMethods())
        .filter(method -> method.isAnnotationPresent(Test.class)).count();
    if (report.size() == tests) {
      report.checkOrWrite();
    }
  }

  @Test
  void q03CreatesBucketsInUsEast1AndElsewhere(S3Proxy s3Proxy) {
    try (S3Client s3 = s3Proxy.client()) {
      // when
      new S3BucketCreator(s3).createBucket("e2e-east", "us-east-1");
      new S3BucketCreator(s3).createBucket("e2e-ireland", "eu-west-1");
      // S3 refuses this (InvalidLocationConstraint); S3Proxy accepts it, see the S3 notes.
      s3.createBucket(b -> b.bucket("e2e-lax").createBucketConfiguration(
          c -> c.locationConstraint("us-east-1")));

      // then
      assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name())
          .contains("e2e-east", "e2e-ireland", "e2e-lax");
    }
    report.add("3", "two buckets created (us-east-1 without a constraint, eu-west-1 with one)",
        "CreateBucket x2");
  }

  @Test
  void q04UploadsAndDownloadsOverAnExistingFile(S3Proxy s3Proxy, @TempDir Path folder)
      throws Exception {
    try (S3Client s3 = s3Proxy.client()) {
      // given
      s3.createBucket(b -> b.bucket("e2e-transfer"));
      Path source = Files.writeString(folder.resolve("source.txt"), "q04 content");
      Path target = Files.writeString(folder.resolve("target.txt"), "old content");
      S3ObjectTransfer transfer = new S3ObjectTransfer(s3);

      // when
      boolean uploaded = transfer.upload(source, "e2e-transfer", "docs/source.txt");
      boolean downloaded = transfer.download("e2e-transfer", "docs/source.txt", target);

      // then
      assertThat(uploaded).isTrue();
      assertThat(downloaded).isTrue();
      assertThat(Files.readString(target)).isEqualTo("q04 content");
    }
    report.add("4", "a file uploaded, then downloaded over an existing file", "PutObject, GetObject");
  }

  @Test
  void q05PresignedUrlsWorkOverHttp(S3Proxy s3Proxy) throws Exception {
    try (S3Client s3 = s3Proxy.client()) {
      // given
      s3.createBucket(b -> b.bucket("e2e-presigned"));
      S3UrlPresigner presigner = new S3UrlPresigner(s3Proxy.presigner());
      HttpClient http = HttpClient.newHttpClient();

      // when
      String putUrl = presigner.presign("e2e-presigned", "a.txt", PresignedOperation.PUT, 60)
          .orElseThrow();
      HttpResponse<String> put = http.send(
          HttpRequest.newBuilder(URI.create(putUrl))
              .PUT(HttpRequest.BodyPublishers.ofString("uploaded through a presigned URL"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      String getUrl = presigner.presign("e2e-presigned", "a.txt", PresignedOperation.GET)
          .orElseThrow();
      HttpResponse<String> get = http.send(
          HttpRequest.newBuilder(URI.create(getUrl)).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> tampered = http.send(
          HttpRequest.newBuilder(URI.create(getUrl.replace("X-Amz-Expires=3600",
              "X-Amz-Expires=7200"))).build(), HttpResponse.BodyHandlers.ofString());

      // then
      assertThat(put.statusCode()).as("PUT through the presigned URL: %s", put.body())
          .isEqualTo(200);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("uploaded through a presigned URL");
      assertThat(tampered.statusCode()).as("a URL whose expiry was changed").isEqualTo(403);
    }
    report.add("5", "a PUT URL and a GET URL fetched with java.net.http; a changed expiry is 403",
        "HTTP PUT, GET, GET");
  }

  @Test
  void q06ScansMoreThanOnePage(Dynalite dynalite) {
    // given
    RequestCounter counter = new RequestCounter();
    try (DynamoDbClient dynamoDb = dynalite.client(counter)) {
      createTable(dynamoDb, "e2e-items", false);
      DynamoDbManager manager = new DynamoDbManager(dynamoDb, "e2e-items");
      for (int i = 0; i < 8; i++) {
        assertThat(manager.put(Map.of("user_id", AttributeValue.fromS("u" + i),
            "padding", AttributeValue.fromS(PADDING)))).isTrue();
      }
      assertThat(manager.delete(Map.of("user_id", AttributeValue.fromS("u7")))).isTrue();

      // when
      List<Map<String, AttributeValue>> all = manager.scanAll();

      // then
      assertThat(all).hasSize(7);
      assertThat(manager.get(Map.of("user_id", AttributeValue.fromS("u3")))).isPresent();
      assertThat(manager.get(Map.of("user_id", AttributeValue.fromS("u7")))).isEmpty();
    }
    assertThat(counter.count("Scan")).as("Scan pages").isGreaterThan(1);
    report.add("6", "8 items of 300 KB put, one deleted, all scanned (1 MB pages)",
        "Scan x" + counter.count("Scan"));
  }

  @Test
  void q07QueriesEveryPageOfTheIndex(Dynalite dynalite) {
    // given
    RequestCounter counter = new RequestCounter();
    try (DynamoDbClient dynamoDb = dynalite.client(counter)) {
      createTable(dynamoDb, "e2e-users", true);
      int[] ages = {12, 30, 45, 29, 31, 70, 18, 30};
      for (int i = 0; i < ages.length; i++) {
        Map<String, AttributeValue> user = Map.of(
            "user_id", AttributeValue.fromS("u" + i),
            "status", AttributeValue.fromS(i == 5 ? "inactive" : "active"),
            "age", AttributeValue.fromN(Integer.toString(ages[i])),
            "padding", AttributeValue.fromS(PADDING));
        dynamoDb.putItem(b -> b.tableName("e2e-users").item(user));
      }

      // when
      List<Map<String, AttributeValue>> adults =
          new UsersByStatusQuery(dynamoDb, "e2e-users").usersWithStatus("active", 30);

      // then
      assertThat(adults).extracting(user -> user.get("user_id").s())
          .containsExactlyInAnyOrder("u1", "u2", "u4", "u7");
    }
    assertThat(counter.count("Query")).as("Query pages").isGreaterThan(1);
    report.add("7", "8 users of 300 KB, 7 of them active, queried on the index for age >= 30"
        + " (1 MB pages)", "Query x" + counter.count("Query"));
  }

  @Test
  void q09SendsInBatchesReceivesAndDeletes(ElasticMq elasticMq) {
    // given
    RequestCounter counter = new RequestCounter();
    try (SqsClient sqs = elasticMq.client(counter)) {
      String queueUrl = sqs.createQueue(b -> b.queueName("e2e-q09")).queueUrl();
      SqsManager manager = new SqsManager(sqs, queueUrl);
      List<String> bodies = IntStream.range(0, 25).mapToObj(i -> "message " + i).toList();

      // when
      BatchResult batch = manager.sendBatch(bodies);
      String single = manager.send("single", Map.of("origin", "e2e")).orElseThrow();
      List<ReceivedMessage> received = new ArrayList<>();
      for (int round = 0; round < 10 && received.size() < 26; round++) {
        List<ReceivedMessage> page = manager.receive(10, 0);
        received.addAll(page);
        page.forEach(message -> assertThat(manager.delete(message.receiptHandle())).isTrue());
      }

      // then
      assertThat(batch).isEqualTo(new BatchResult(25, 0));
      assertThat(single).isNotBlank();
      assertThat(received).extracting(ReceivedMessage::body)
          .containsAll(bodies).contains("single").hasSize(26);
      assertThat(manager.receive(10, 0)).isEmpty();
    }
    assertThat(counter.count("SendMessageBatch")).isEqualTo(3);
    report.add("9", "25 bodies sent in batches, one message with an attribute, all received and"
            + " deleted", "SendMessageBatch x" + counter.count("SendMessageBatch")
            + ", ReceiveMessage x" + counter.count("ReceiveMessage")
            + ", DeleteMessage x" + counter.count("DeleteMessage"));
  }

  @Test
  void q10ListsMoreThanOneThousandKeys(S3Proxy s3Proxy) {
    // given
    RequestCounter counter = new RequestCounter();
    try (S3Client s3 = s3Proxy.client(counter)) {
      s3.createBucket(b -> b.bucket("e2e-listing"));
      for (int i = 0; i < 1_003; i++) {
        String key = String.format("logs/%04d.txt", i);
        s3Proxy.seed("e2e-listing", key, key);
      }
      s3.putObject(b -> b.bucket("e2e-listing").key("other/x.txt"), RequestBody.fromString("x"));

      // when
      List<ObjectSummary> listed = new S3ObjectLister(s3).list("e2e-listing", "logs/");

      // then
      assertThat(listed).hasSize(1_003).allSatisfy(o -> assertThat(o.key()).startsWith("logs/"));
      assertThat(listed.get(0).size()).isEqualTo("logs/0000.txt".length());
    }
    assertThat(counter.count("ListObjectsV2")).as("ListObjectsV2 pages").isGreaterThan(1);
    report.add("10", "1,003 keys under the prefix and one outside, listed (1,000 keys a page)",
        "ListObjectsV2 x" + counter.count("ListObjectsV2"));
  }

  @Test
  void q12StoresEveryRecordAndPublishesOnce(Dynalite dynalite) {
    // given
    SnsClient sns = mock(SnsClient.class);
    Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    String event = "{\"Records\": [" + record("photos", "summer+trip/a%C3%A9.jpg", 10) + ","
        + record("photos", "b.jpg", 20) + "]}";
    try (DynamoDbClient dynamoDb = dynalite.client(new RequestCounter())) {
      Dynalite.createTable(dynamoDb, b -> b.tableName("e2e-uploads")
          .attributeDefinitions(AttributeDefinition.builder().attributeName("object_key")
              .attributeType(ScalarAttributeType.S).build())
          .keySchema(k -> k.attributeName("object_key").keyType(KeyType.HASH))
          .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));

      // when
      ProcessingSummary summary = new S3EventProcessor(dynamoDb, sns, "e2e-uploads",
          "arn:aws:sns:us-east-1:000000000000:uploads", clock).process(event);

      // then
      assertThat(summary.status()).isEqualTo(ProcessingStatus.SUCCESS);
      Map<String, AttributeValue> stored = dynamoDb.getItem(b -> b.tableName("e2e-uploads")
          .key(Map.of("object_key", AttributeValue.fromS("summer trip/aé.jpg")))).item();
      assertThat(stored.get("bucket").s()).isEqualTo("photos");
      assertThat(stored.get("processed_at").s()).isEqualTo("2026-12-03T10:00:00Z");
      assertThat(dynamoDb.scan(b -> b.tableName("e2e-uploads")).count()).isEqualTo(2);
    }
    verify(sns).publish(any(PublishRequest.class));
    report.add("12", "an event of two records (one key URL-encoded) stored in dynalite; SNS is"
        + " a mock (no open engine)", "PutItem x2, Publish x1 (mock)");
  }

  private static String record(String bucket, String key, long size) {
    return "{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \"" + bucket
        + "\"}, \"object\": {\"key\": \"" + key + "\", \"size\": " + size + "}}}";
  }

  private static void createTable(DynamoDbClient dynamoDb, String name, boolean withIndex) {
    List<AttributeDefinition> attributes = new ArrayList<>(List.of(AttributeDefinition.builder()
        .attributeName("user_id").attributeType(ScalarAttributeType.S).build()));
    if (withIndex) {
      attributes.add(AttributeDefinition.builder().attributeName("status")
          .attributeType(ScalarAttributeType.S).build());
    }
    Dynalite.createTable(dynamoDb, b -> {
      b.tableName(name).attributeDefinitions(attributes)
          .keySchema(k -> k.attributeName("user_id").keyType(KeyType.HASH))
          .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L));
      if (withIndex) {
        b.globalSecondaryIndexes(g -> g.indexName("status-index")
            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
      }
    });
  }
}
