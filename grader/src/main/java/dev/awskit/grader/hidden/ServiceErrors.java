package dev.awskit.grader.hidden;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Builds the exceptions AWS services throw, for doubles and tests that play a failing service. */
public final class ServiceErrors {

  private ServiceErrors() {}

  /**
   * Builds the exception DynamoDB throws when it refuses a request: status 400, the error code
   * and the message, as the SDK reports them.
   */
  public static DynamoDbException dynamoDbError(String code, String message) {
    return (DynamoDbException)
        DynamoDbException.builder()
            .message(message)
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code)
                    .errorMessage(message)
                    .serviceName("DynamoDb")
                    .build())
            .build();
  }

  /**
   * Builds the {@code ValidationException} DynamoDB throws when it refuses a malformed request
   * (status 400), with DynamoDB's own message.
   */
  public static DynamoDbException dynamoDbValidation(String message) {
    return dynamoDbError("ValidationException", message);
  }
}
