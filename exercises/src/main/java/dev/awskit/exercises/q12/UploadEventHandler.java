package dev.awskit.exercises.q12;

import dev.awskit.exercises.Exercise;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Handles an S3 upload notification: records each uploaded object in DynamoDB, then announces
 * the batch on SNS.
 *
 * <p>The rules are numbered (12.2 is rule 2 of question 12); each hidden test
 * names the rules it checks.
 *
 * <p><b>12.1</b> The implementation is built with
 * {@code new S3EventProcessor(dynamoDb, sns, tableName, topicArn, clock)}: it keeps the clients
 * it is given (it never builds one), writes to the table {@code tableName}, publishes to the
 * topic {@code topicArn} and reads the time from {@code clock} only (never
 * {@code Instant.now()} without it).
 *
 * <p>An S3 event notification is JSON like this (fields not named here may be present and are
 * ignored):
 *
 * <pre>{@code
 * {"Records": [
 *   {"eventName": "ObjectCreated:Put",
 *    "s3": {"bucket": {"name": "my-bucket"},
 *           "object": {"key": "reports/q1+summary%21.pdf", "size": 1024}}}
 * ]}
 * }</pre>
 *
 * <p>S3 sends object keys URL-encoded, with {@code +} for a space: the key above is
 * {@code reports/q1 summary!.pdf}. <b>12.2</b> Decode it with
 * {@code URLDecoder.decode(key, StandardCharsets.UTF_8)} before using it anywhere.
 */
@Exercise(
    number = 12,
    title = "Multi-service pipeline: S3 event to DynamoDB and SNS",
    implementation = "S3EventProcessor",
    constructor = {
      DynamoDbClient.class, SnsClient.class, String.class, String.class, Clock.class
    })
public interface UploadEventHandler {

  /**
   * Processes one S3 event notification and returns a summary. <b>12.3</b> It never returns
   * {@code null} and never throws for a bad event
   * or an AWS failure.
   *
   * <p><b>1. Read the whole event first.</b> <b>12.4</b> It is malformed if it is {@code null},
   * blank or not JSON; if it has no {@code Records} array; or if any record lacks a non-blank
   * {@code s3.bucket.name}, a non-empty {@code s3.object.key} or an {@code s3.object.size}
   * that is a JSON whole number (not text) from 0 to {@code Long.MAX_VALUE}; or if a key
   * cannot be URL-decoded. <b>12.5</b> A malformed event, even one whose only fault is in its
   * last record, writes nothing and publishes nothing: the summary
   * is {@link ProcessingStatus#ERROR} with no objects and a message saying what is wrong.
   *
   * <p><b>2. Store every record.</b> <b>12.6</b> Every record is stored, in event order, with one
   * DynamoDB {@code PutItem} per record into {@code tableName}. The item holds these attributes:
   *
   * <ul>
   *   <li><b>12.7</b> {@code object_key}: the decoded key, a string ({@code S}); it is the table's
   *       partition key;
   *   <li><b>12.8</b> {@code bucket}: the bucket name, a string ({@code S});
   *   <li><b>12.9</b> {@code size}: the size in bytes, a number ({@code N}), not a string;
   *   <li><b>12.10</b> {@code processed_at}: {@code Instant.now(clock).toString()}, an ISO-8601
   *       time in UTC such as {@code 2024-05-01T12:30:05Z}, a string ({@code S}).
   * </ul>
   *
   * <p><b>12.11</b> If a {@code PutItem} fails with an {@code SdkException} (such as a
   * {@code DynamoDbException}), processing stops there: no further record is stored, nothing is
   * published, and the summary is {@code ERROR}, listing the objects stored before the failure
   * and a message naming the failure.
   *
   * <p><b>3. Publish one notification.</b> <b>12.12</b> After all records are stored, it sends
   * exactly one SNS {@code Publish} to {@code topicArn} with a subject (not blank, at most 100 characters, no
   * line breaks: SNS's rules) and a message that names every stored object's decoded key.
   * <b>12.13</b> The summary is then {@link ProcessingStatus#SUCCESS} with every object, in event
   * order, and no error message. <b>12.14</b> If the publish fails with an {@code SdkException},
   * the summary is {@code ERROR} with every (stored) object and a message naming the failure.
   *
   * <p><b>12.15</b> No failure notification is ever published: the {@code ERROR} summary is how a
   * failure is reported, and the caller (for example the Lambda runtime) decides what to do with
   * it.
   *
   * <p><b>12.16</b> An event whose {@code Records} array is empty is well-formed but holds nothing
   * to do: the summary is {@code SUCCESS} with no objects, and nothing is written or published.
   *
   * @param eventJson the S3 event notification, as JSON text
   * @return the summary; never {@code null}
   */
  ProcessingSummary process(String eventJson);
}
