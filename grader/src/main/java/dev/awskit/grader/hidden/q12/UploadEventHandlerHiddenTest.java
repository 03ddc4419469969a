package dev.awskit.grader.hidden.q12;

import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbError;
import static dev.awskit.grader.hidden.ServiceErrors.serviceError;
import static dev.awskit.grader.hidden.Thrown.describe;
import static dev.awskit.grader.hidden.Thrown.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q12.ProcessedObject;
import dev.awskit.exercises.q12.ProcessingStatus;
import dev.awskit.exercises.q12.ProcessingSummary;
import dev.awskit.exercises.q12.UploadEventHandler;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.ServiceErrors;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.doubles.DynamoDbDouble;
import dev.awskit.grader.hidden.doubles.SnsDouble;
import dev.awskit.grader.hidden.doubles.WriteCondition;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/** Hidden tests of question 12: S3 event to DynamoDB items and one SNS notification. */
@QuestionTests(12)
@DisplayName("Question 12: S3 event pipeline with DynamoDB and SNS")
class UploadEventHandlerHiddenTest {

  private static final String TABLE = "UploadedObjects";
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:upload-events";
  private static final Instant NOW = Instant.parse("2024-05-01T12:30:05.125Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final DynamoDbDouble dynamoDb =
      new DynamoDbDouble(
          "Your code sent more than 100 requests to DynamoDB for one event of a few records;"
              + " process should store each record once.",
          "PutItem");
  private final SnsDouble sns = new SnsDouble("Publish");
  /** Every PutItem and Publish in the order they happened, as "put:<key>" and "publish". */
  private final List<String> timeline = new ArrayList<>();
  /** When set, the PutItem with this number (1 for the first) fails. */
  private int failingPut;
  private boolean publishFails;

  @BeforeEach
  void answerAsTheServicesDo() {
    dynamoDb.on(
        PutItemRequest.class,
        request -> {
          refuseWhatPutItemRefuses(request);
          if (puts().size() == failingPut) {
            timeline.add("failed put");
            throw dynamoDbError("ResourceNotFoundException", "Requested resource not found");
          }
          timeline.add("put:" + keyOf(request));
          return PutItemResponse.builder().build();
        });
    sns.on(
        PublishRequest.class,
        request -> {
          SnsRules.checkPublish(request);
          if (publishFails) {
            timeline.add("failed publish");
            throw serviceError(
                SnsException.builder(), "Sns", 403, "AuthorizationError", "Not authorized to publish");
          }
          timeline.add("publish");
          return PublishResponse.builder().messageId("notification-1").build();
        });
  }

  /** Refuses a PutItem as DynamoDB would: return values it never gives, an item without its key. */
  private static void refuseWhatPutItemRefuses(PutItemRequest request) {
    ReturnValue returnValues = request.returnValues();
    if (returnValues != null && returnValues != ReturnValue.NONE && returnValues != ReturnValue.ALL_OLD) {
      throw ServiceErrors.dynamoDbValidation("Return values set to invalid value");
    }
    AttributeValue key = request.item().get("object_key");
    if (key == null || key.s() == null) {
      // The table's partition key is the string object_key.
      throw ServiceErrors.dynamoDbValidation(key == null
          ? "One or more parameter values were invalid: Missing the key object_key in the item"
          : "One or more parameter values were invalid: Type mismatch for key object_key expected:"
              + " S actual: " + key.type());
    }
  }

  private List<PutItemRequest> puts() {
    return dynamoDb.requests(PutItemRequest.class);
  }

  private List<PublishRequest> publishes() {
    return sns.requests(PublishRequest.class);
  }

  private UploadEventHandler handler(Submission submission) {
    return submission.create(UploadEventHandler.class, dynamoDb.client(), sns.client(), TABLE, TOPIC, CLOCK);
  }

  @Test
  @Points(3)
  @Checks({"12.1", "12.7", "12.8"})
  @DisplayName("a record is stored with object_key, bucket, size and processed_at")
  void storesTheItem(Submission submission) {
    // when
    handler(submission).process(event(record("media-bucket", "docs/report.pdf", 1024)));

    // then
    assertThat(puts().size()).as("process should store an event of one record with exactly one PutItem request")
        .isEqualTo(1);
    PutItemRequest put = puts().get(0);
    assertThat(put.tableName()).as("process should write to the table given to the constructor").isEqualTo(TABLE);
    Map<String, AttributeValue> item = put.item();
    assertThat(item.keySet())
        .as("process should store the attributes object_key, bucket, size and processed_at")
        .contains("object_key", "bucket", "size", "processed_at");
    assertThat(item.get("object_key").s())
        .as("process should store the decoded S3 key as the string (S) object_key")
        .isEqualTo("docs/report.pdf");
    assertThat(item.get("bucket").s())
        .as("process should store the bucket name as the string (S) bucket")
        .isEqualTo("media-bucket");
    assertThat(numberOrNull(item.get("size")))
        .as("process should store the object's size as the number (N) size")
        .isEqualByComparingTo("1024");
    assertThat(item.get("processed_at").s())
        .as("process should store the clock's time as the string (S) processed_at")
        .isNotBlank();
  }

  @Test
  @Points(2)
  @Checks({"12.2", "12.7"})
  @DisplayName("object keys are URL-decoded ('+' is a space) before they are used")
  void keysAreDecoded(Submission submission) {
    // when
    ProcessingSummary summary =
        handler(submission)
            .process(
                event(
                    record("bucket-a", "my+file%21.txt", 10),
                    record("bucket-a", "caf%C3%A9/men%C3%BC+2024.pdf", 20)));

    // then
    assertThat(puts().stream().map(UploadEventHandlerHiddenTest::keyOf).toList())
        .as("process should store the decoded keys of the S3 keys \"my+file%21.txt\" and"
            + " \"caf%C3%A9/men%C3%BC+2024.pdf\" (decode with URLDecoder, UTF-8)")
        .containsExactly("my file!.txt", "café/menü 2024.pdf");
    assertThat(summary).as("process should return a summary, never null").isNotNull();
    assertThat(summary.objects().stream().map(ProcessedObject::key).toList())
        .as("process should list the decoded keys in its summary")
        .containsExactly("my file!.txt", "café/menü 2024.pdf");
  }

  @Test
  @Points(2)
  @Checks({"12.6"})
  @DisplayName("every record of the event is stored, in order")
  void everyRecordIsStored(Submission submission) {
    // when
    handler(submission)
        .process(
            event(
                record("bucket-a", "one.txt", 1),
                record("bucket-b", "two.txt", 2),
                record("bucket-a", "three.txt", 3)));

    // then
    assertThat(puts().stream()
            .map(put -> stringOrNull(put.item().get("bucket")) + "/" + keyOf(put))
            .toList())
        .as("process should store every record of an event of three records, in order")
        .containsExactly("bucket-a/one.txt", "bucket-b/two.txt", "bucket-a/three.txt");
  }

  @Test
  @Points(1)
  @Checks({"12.9"})
  @DisplayName("size is stored as a number (N), even for objects over 4 GiB")
  void sizeIsANumber(Submission submission) {
    // when
    handler(submission).process(event(record("big-bucket", "backup.tar", 5_368_709_120L)));

    // then
    assertThat(puts().size()).as("process should store each record with exactly one PutItem request").isEqualTo(1);
    AttributeValue size = puts().get(0).item().get("size");
    assertThat(size).as("process should store a size attribute").isNotNull();
    assertThat(size.n())
        .withFailMessage(
            "size must be a DynamoDB number (AttributeValue.fromN(\"5368709120\")), but was %s",
            size)
        .isNotNull();
    assertThat(new BigDecimal(size.n()))
        .as("process should store the full size of an object larger than 2 GiB as a number")
        .isEqualByComparingTo("5368709120");
  }

  @Test
  @Points(1)
  @Checks({"12.9"})
  @DisplayName("an empty object (size 0) is stored like any other")
  void emptyObjectIsStored(Submission submission) {
    // when
    ProcessingSummary summary =
        processWithoutThrowing(
            handler(submission), event(record("b", "empty.txt", 0)), "for an object of size 0");

    // then
    assertThat(summary.status())
        .as("process should report SUCCESS for an empty object: a size from 0 is valid")
        .isEqualTo(ProcessingStatus.SUCCESS);
    assertThat(puts())
        .as("process should store an empty object with exactly one PutItem request")
        .hasSize(1);
    AttributeValue size = puts().get(0).item().get("size");
    assertThat(size == null || size.n() == null ? null : new BigDecimal(size.n()))
        .as("process should store the size 0 as the number (N) 0")
        .isEqualByComparingTo("0");
  }

  @Test
  @Points(1)
  @Checks({"12.1", "12.10"})
  @DisplayName("processed_at is the injected clock's time in ISO-8601")
  void processedAtComesFromTheClock(Submission submission) {
    // when
    handler(submission).process(event(record("b", "k.txt", 1), record("b", "l.txt", 2)));

    // then
    assertThat(puts().size()).as("process should store each record with exactly one PutItem request").isEqualTo(2);
    for (PutItemRequest put : puts()) {
      String processedAt = stringOrNull(put.item().get("processed_at"));
      Instant parsed = null;
      try {
        parsed = processedAt == null ? null : Instant.parse(processedAt);
      } catch (DateTimeParseException notIso) {
        // reported below
      }
      assertThat(parsed)
          .withFailMessage(
              "processed_at should be Instant.now(clock).toString() of the injected clock (%s),"
                  + " but was %s", NOW, processedAt)
          .isEqualTo(NOW);
    }
  }

  @Test
  @Points(2)
  @Checks({"12.1", "12.12"})
  @DisplayName("exactly one notification is published to the topic, after all records are"
      + " stored")
  void oneNotificationAfterTheStores(Submission submission) {
    // when
    handler(submission)
        .process(
            event(
                record("uploads", "a+b.txt", 1),
                record("uploads", "c.txt", 2),
                record("uploads", "d.txt", 3)));

    // then
    assertThat(timeline)
        .as("process should store every record first and publish once, after the last write")
        .containsExactly("put:a b.txt", "put:c.txt", "put:d.txt", "publish");
    PublishRequest publish = publishes().get(0);
    assertThat(publish.topicArn()).as("process should publish to the topic given to the constructor").isEqualTo(TOPIC);
    assertThat(publish.subject())
        .as("process should publish with a Subject SNS accepts (not blank, at most 100 characters, one line)")
        .isNotBlank()
        .hasSizeLessThanOrEqualTo(100)
        .doesNotContain("\n", "\r");
    assertThat(publish.message())
        .as("Message of the Publish request should name every stored (decoded) key")
        .isNotBlank()
        .contains("a b.txt", "c.txt", "d.txt");
  }

  @Test
  @Points(2)
  @Checks({"12.6", "12.12", "12.13"})
  @DisplayName("long and non-ASCII keys are stored, published and reported like any other")
  void longKeysArePublishedLikeAnyOther(Submission submission) {
    // given: S3 keys may be up to 1,024 bytes long; these two are well over 100 characters
    String longKey = "archive/" + "quarterly-report-".repeat(10) + "final.pdf";
    String accented = "photos/été/" + "übersicht-".repeat(11) + "ñ.jpg";
    String encoded = URLEncoder.encode(accented, StandardCharsets.UTF_8);

    // when
    ProcessingSummary summary =
        processWithoutThrowing(
            handler(submission),
            event(record("uploads", longKey, 10), record("uploads", encoded, 20)),
            "for an event with two long keys");

    // then
    assertThat(summary.status())
        .withFailMessage(
            "process of an event whose keys are %d and %d characters long should store both and"
                + " publish one notification (its subject stays within SNS's 100 characters,"
                + " whatever the keys), but it reported %s with the error \"%s\".",
            longKey.length(), accented.length(), summary.status(), summary.error())
        .isEqualTo(ProcessingStatus.SUCCESS);
    assertThat(timeline)
        .withFailMessage(
            "process should store both long keys and then publish once, but what happened was"
                + " %s.",
            timeline)
        .containsExactly("put:" + longKey, "put:" + accented, "publish");
    assertThat(publishes().get(0).message())
        .withFailMessage(
            "The notification should name every stored key, decoded, but its message was: %s",
            publishes().get(0).message())
        .contains(longKey, accented);
  }

  @Test
  @Points(1)
  @Checks({"12.6"})
  @DisplayName("a key uploaded again in a later event is stored again, replacing its record")
  void reuploadedKeyIsStoredAgain(Submission submission) {
    // given: a table that applies a write's ConditionExpression as DynamoDB does
    Map<String, Map<String, AttributeValue>> table = new HashMap<>();
    dynamoDb.on(
        PutItemRequest.class,
        request -> {
          refuseWhatPutItemRefuses(request);
          String key = keyOf(request);
          WriteCondition.check(
              request.conditionExpression(),
              request.expressionAttributeNames(),
              request.expressionAttributeValues(),
              table.getOrDefault(key, Map.of()));
          table.put(key, request.item());
          timeline.add("put:" + key);
          return PutItemResponse.builder().build();
        });
    UploadEventHandler handler = handler(submission);
    processWithoutThrowing(
        handler, event(record("uploads", "daily/report.csv", 100)), "for the first upload");

    // when: S3 overwrites the object and sends a new event for the same key
    ProcessingSummary again =
        processWithoutThrowing(
            handler, event(record("uploads", "daily/report.csv", 250)), "for the new upload");

    // then
    assertThat(again.status())
        .withFailMessage(
            "process of a second event for the key daily/report.csv (the object was uploaded"
                + " again) should store it again and report SUCCESS, as a plain PutItem replaces"
                + " the old record, but it reported %s with the error \"%s\".",
            again.status(), again.error())
        .isEqualTo(ProcessingStatus.SUCCESS);
    assertThat(numberOrNull(table.getOrDefault("daily/report.csv", Map.of()).get("size")))
        .withFailMessage(
            "After the new upload the table should hold the new size 250 for daily/report.csv,"
                + " but it holds %s.",
            table.get("daily/report.csv"))
        .isEqualByComparingTo("250");
  }

  @Test
  @Points(2)
  @Checks({"12.13"})
  @DisplayName("a successful event gives a SUCCESS summary listing every object")
  void successSummary(Submission submission) {
    // when
    ProcessingSummary summary =
        handler(submission)
            .process(event(record("b1", "x/one.csv", 11), record("b2", "two+words.csv", 22)));

    // then
    assertThat(summary).as("process should return a summary, never null").isNotNull();
    assertThat(summary.status()).as("process should report SUCCESS when every record was stored and published").isEqualTo(ProcessingStatus.SUCCESS);
    assertThat(summary.objects())
        .as("process should list every stored object in its summary, in event order")
        .containsExactly(
            new ProcessedObject("b1", "x/one.csv", 11),
            new ProcessedObject("b2", "two words.csv", 22));
    assertThat(summary.error()).as("a SUCCESS summary should carry no error message").isNull();
  }

  @Test
  @Points(3)
  @Checks({"12.3", "12.11", "12.15"})
  @DisplayName("a failed DynamoDB write gives an ERROR summary and no notification")
  void failedWriteIsNotAnnounced(Submission submission) {
    // given: the second PutItem fails
    failingPut = 2;
    UploadEventHandler handler = handler(submission);

    // when
    ProcessingSummary summary =
        processWithoutThrowing(
            handler,
            event(
                record("b", "one.txt", 1), record("b", "two.txt", 2), record("b", "three.txt", 3)),
            "when a PutItem fails with a DynamoDbException");

    // then
    assertThat(publishes().size())
        .as("process should publish nothing after a failed DynamoDB write (a success"
            + " notification would announce data that is not in the table)")
        .isZero();
    assertThat(summary.status()).as("process should report ERROR after a failed DynamoDB write")
        .isEqualTo(ProcessingStatus.ERROR);
    assertThat(summary.error()).as("process should explain a failed DynamoDB write in the summary's error message").isNotBlank();
  }

  @Test
  @Points(1)
  @Checks({"12.11"})
  @DisplayName("after a failed write, processing stops and the summary lists what was stored")
  void failedWriteStopsAndReportsStoredObjects(Submission submission) {
    // given: the second PutItem fails
    failingPut = 2;
    UploadEventHandler handler = handler(submission);

    // when
    ProcessingSummary summary =
        processWithoutThrowing(
            handler,
            event(
                record("b", "one.txt", 1), record("b", "two.txt", 2), record("b", "three.txt", 3)),
            "when a PutItem fails with a DynamoDbException");

    // then
    assertThat(puts().size())
        .as("process should stop at the second PutItem when it fails (processing stops at the failure)")
        .isEqualTo(2);
    assertThat(summary.objects())
        .as("the ERROR summary should list the objects stored before the failure")
        .containsExactly(new ProcessedObject("b", "one.txt", 1));
  }

  @Test
  @Points(2)
  @Checks({"12.3", "12.4", "12.5"})
  @DisplayName("text that is not a JSON event gives an ERROR summary, not an exception")
  void notJsonGivesErrorSummary(Submission submission) {
    UploadEventHandler handler = handler(submission);
    for (String notJson : Arrays.asList("{\"Records\": [", "this is not JSON", "", null)) {
      // when
      ProcessingSummary summary =
          processWithoutThrowing(handler, notJson, "for the event text " + quote(notJson));

      // then
      assertThat(summary.status())
          .as("process should report ERROR for the event text %s", quote(notJson))
          .isEqualTo(ProcessingStatus.ERROR);
      assertThat(summary.error())
          .as("process should explain in the error message what is wrong with the event text %s", quote(notJson))
          .isNotBlank();
    }
    assertThat(timeline).as("process should neither write nor publish for malformed events").isEmpty();
  }

  @Test
  @Points(2)
  @Checks({"12.4"})
  @DisplayName("an event without Records or with a record missing a field gives an ERROR summary")
  void missingFieldsGiveErrorSummary(Submission submission) {
    UploadEventHandler handler = handler(submission);
    List<String> malformed =
        List.of(
            "{}",
            "{\"Records\": {\"s3\": {}}}",
            "[1, 2, 3]",
            event("{\"s3\": {\"object\": {\"key\": \"a.txt\", \"size\": 1}}}"),
            event("{\"s3\": {\"bucket\": {\"name\": \"b\"}, \"object\": {\"size\": 1}}}"),
            event("{\"s3\": {\"bucket\": {\"name\": \"b\"}, \"object\": {\"key\": \"a.txt\"}}}"),
            event("{\"eventName\": \"ObjectCreated:Put\"}"));
    for (String json : malformed) {
      // when
      ProcessingSummary summary =
          processWithoutThrowing(handler, json, "for the malformed event " + json);

      // then
      assertThat(summary.status())
          .as("process should report ERROR for the malformed event %s", json)
          .isEqualTo(ProcessingStatus.ERROR);
      assertThat(summary.error()).as("process should explain in the error message what is wrong with the malformed event %s", json)
          .isNotBlank();
      assertThat(timeline)
          .as("process should neither write nor publish for the malformed event %s", json)
          .isEmpty();
    }
  }

  @Test
  @Points(1)
  @Checks({"12.4"})
  @DisplayName("a blank bucket name or an empty key gives an ERROR summary")
  void blankBucketOrEmptyKeyGivesErrorSummary(Submission submission) {
    // when / then
    UploadEventHandler handler = handler(submission);
    List<String> malformed =
        List.of(
            recordWith("\"  \"", "\"a.txt\"", "1"),
            recordWith("\"b\"", "\"\"", "1"));
    for (String json : malformed) {
      expectMalformed(handler, json);
    }
  }

  @Test
  @Points(1)
  @Checks({"12.4"})
  @DisplayName("a size that is negative, text or too large for a long gives an ERROR summary")
  void badSizeGivesErrorSummary(Submission submission) {
    // when / then
    UploadEventHandler handler = handler(submission);
    List<String> malformed =
        List.of(
            recordWith("\"b\"", "\"a.txt\"", "-1"),
            recordWith("\"b\"", "\"a.txt\"", "\"1024\""),
            recordWith("\"b\"", "\"a.txt\"", "18446744073709551616"));
    for (String json : malformed) {
      expectMalformed(handler, json);
    }
  }

  @Test
  @Points(1)
  @Checks({"12.5"})
  @DisplayName("a malformed record anywhere in the event means nothing is stored")
  void malformedRecordStoresNothing(Submission submission) {
    // when
    ProcessingSummary summary =
        processWithoutThrowing(
            handler(submission),
            event(
                record("b", "fine.txt", 1),
                "{\"s3\": {\"bucket\": {\"name\": \"b\"}, \"object\": {\"size\": 2}}}"),
            "for an event whose second record has no key");

    // then
    assertThat(summary.status()).as("process should report ERROR for an event whose second record has no key")
        .isEqualTo(ProcessingStatus.ERROR);
    assertThat(timeline)
        .as("process should neither write nor publish for an event whose second record has no key (the whole"
            + " event is read before anything is written)")
        .isEmpty();
  }

  @Test
  @Points(1)
  @Checks({"12.16"})
  @DisplayName("an empty Records list is a SUCCESS with nothing stored or published")
  void emptyRecords(Submission submission) {
    // when
    ProcessingSummary summary =
        processWithoutThrowing(handler(submission), "{\"Records\": []}",
            "for an event with no records");

    // then
    assertThat(summary.status()).as("process should report SUCCESS for {\"Records\": []}")
        .isEqualTo(ProcessingStatus.SUCCESS);
    assertThat(summary.objects()).as("process should list no object for {\"Records\": []}").isEmpty();
    assertThat(timeline).as("process should neither write nor publish for {\"Records\": []}").isEmpty();
  }

  @Test
  @Points(1)
  @Checks({"12.14", "12.15"})
  @DisplayName("a failed publish gives an ERROR summary that still lists the stored objects")
  void failedPublish(Submission submission) {
    // given
    publishFails = true;

    // when
    ProcessingSummary summary =
        processWithoutThrowing(
            handler(submission),
            event(record("b", "one.txt", 1), record("b", "two.txt", 2)),
            "when the SNS Publish fails with an SnsException");

    // then
    assertThat(summary.status()).as("process should report ERROR after a failed publish")
        .isEqualTo(ProcessingStatus.ERROR);
    assertThat(summary.error()).as("process should explain a failed publish in the summary's error message").isNotBlank();
    assertThat(summary.objects())
        .as("the summary after a failed publish should still list both stored objects")
        .containsExactly(new ProcessedObject("b", "one.txt", 1),
            new ProcessedObject("b", "two.txt", 2));
    assertThat(publishes().size()).as("process should attempt to publish exactly once").isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  private static String event(String... records) {
    return "{\"Records\": [" + String.join(", ", records) + "]}";
  }

  private static String record(String bucket, String key, long size) {
    return """
        {"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
         "eventTime": "2024-05-01T12:29:59.000Z", "eventName": "ObjectCreated:Put",
         "s3": {"s3SchemaVersion": "1.0", "configurationId": "uploads",
                "bucket": {"name": "%s", "arn": "arn:aws:s3:::%s"},
                "object": {"key": "%s", "size": %d, "eTag": "0123456789abcdef",
                           "sequencer": "0A1B2C3D4E5F678901"}}}"""
        .formatted(bucket, bucket, key, size);
  }

  /** Returns an event of one record whose name, key and size are the given JSON values. */
  private static String recordWith(String bucketName, String key, String size) {
    return event(
        "{\"s3\": {\"bucket\": {\"name\": %s}, \"object\": {\"key\": %s, \"size\": %s}}}"
            .formatted(bucketName, key, size));
  }

  /** Checks that {@code json} gives an ERROR summary and that nothing was written or sent. */
  private void expectMalformed(UploadEventHandler handler, String json) {
    // when
    ProcessingSummary summary =
        processWithoutThrowing(handler, json, "for the malformed event " + json);

    // then
    assertThat(summary.status())
        .as("process should report ERROR for the malformed event %s", json)
        .isEqualTo(ProcessingStatus.ERROR);
    assertThat(summary.objects())
        .as("process should list no object for the malformed event %s", json)
        .isEmpty();
    assertThat(summary.error()).as("process should explain in the error message what is wrong with the malformed event %s", json)
        .isNotBlank();
    assertThat(timeline)
        .as("process should neither write nor publish for the malformed event %s", json)
        .isEmpty();
  }

  private static ProcessingSummary processWithoutThrowing(
      UploadEventHandler handler, String eventJson, String when) {
    return resultOf(
        "process " + when,
        "the contract says it returns an ERROR summary instead",
        () -> handler.process(eventJson));
  }

  private static String keyOf(PutItemRequest request) {
    return request.item() == null ? null : stringOrNull(request.item().get("object_key"));
  }

  private static String stringOrNull(AttributeValue value) {
    return value == null ? null : value.s();
  }

  private static BigDecimal numberOrNull(AttributeValue value) {
    return value == null || value.n() == null ? null : new BigDecimal(value.n());
  }

  private static String quote(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }
}
