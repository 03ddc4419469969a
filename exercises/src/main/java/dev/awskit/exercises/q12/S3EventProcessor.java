package dev.awskit.exercises.q12;

import dev.awskit.exercises.NotImplementedYet;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Handles S3 upload events with DynamoDB and SNS: complete this class (question 12). */
public class S3EventProcessor implements UploadEventHandler {

  private final DynamoDbClient dynamoDb;
  private final SnsClient sns;
  private final String tableName;
  private final String topicArn;
  private final Clock clock;

  /** Creates a processor that writes to {@code tableName} and publishes to {@code topicArn}. */
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
    throw new NotImplementedYet(12);
  }
}
