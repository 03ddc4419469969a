package dev.awskit.grader.hidden;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sqs.model.SqsException;

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
            .awsErrorDetails(details(code, message, "DynamoDb"))
            .build();
  }

  /**
   * Builds the exception S3 throws when it refuses a request: the HTTP status, the error code of
   * S3's XML error (such as {@code InvalidArgument}) and its message, as the SDK reports them.
   */
  public static S3Exception s3Error(int status, String code, String message) {
    return (S3Exception)
        S3Exception.builder()
            .message(message)
            .statusCode(status)
            .awsErrorDetails(details(code, message, "S3"))
            .build();
  }

  /**
   * Builds the {@code SqsException} SQS answers with a status 400 and the given error code when
   * the SDK has no model exception for it, such as {@code InvalidParameterValue}.
   */
  public static SqsException sqsError(String code, String message) {
    return sqsError(SqsException.builder(), code, message);
  }

  /**
   * Fills and builds one of the SDK's SQS model exceptions (for example {@code
   * TooManyEntriesInBatchRequestException.builder()}) the way the SDK does when SQS answers 400
   * with {@code code}, such as {@code AWS.SimpleQueueService.TooManyEntriesInBatchRequest}.
   */
  @SuppressWarnings("unchecked")
  public static <E extends SqsException> E sqsError(
      SqsException.Builder builder, String code, String message) {
    return (E)
        builder
            .message(message)
            .statusCode(400)
            .awsErrorDetails(details(code, message, "Sqs"))
            .build();
  }

  /**
   * Builds the {@code ConditionalCheckFailedException} DynamoDB throws when a write's condition
   * does not hold (status 400, DynamoDB's message).
   */
  public static ConditionalCheckFailedException conditionalCheckFailed() {
    String message = "The conditional request failed";
    return (ConditionalCheckFailedException)
        ConditionalCheckFailedException.builder()
            .message(message)
            .statusCode(400)
            .awsErrorDetails(details("ConditionalCheckFailedException", message, "DynamoDb"))
            .build();
  }

  /**
   * Fills and builds one of the SDK's Lambda exceptions (for example {@code
   * RequestTooLargeException.builder()}, or {@code LambdaException.builder()} for a
   * {@code ValidationException}, which has no model class) the way the SDK does when Lambda
   * answers {@code status} with {@code code}.
   */
  @SuppressWarnings("unchecked")
  public static <E extends LambdaException> E lambdaError(
      LambdaException.Builder builder, int status, String code, String message) {
    return (E)
        builder
            .message(message)
            .statusCode(status)
            .awsErrorDetails(details(code, message, "Lambda"))
            .build();
  }

  /**
   * Builds the {@code InvalidParameterException} SNS answers a request it refuses with: status
   * 400, error code {@code InvalidParameter}.
   */
  public static InvalidParameterException snsInvalidParameter(String message) {
    return (InvalidParameterException)
        InvalidParameterException.builder()
            .message(message)
            .statusCode(400)
            .awsErrorDetails(details("InvalidParameter", message, "Sns"))
            .build();
  }

  private static AwsErrorDetails details(String code, String message, String service) {
    return AwsErrorDetails.builder()
        .errorCode(code)
        .errorMessage(message)
        .serviceName(service)
        .build();
  }

  /**
   * Builds the {@code ValidationException} DynamoDB throws when it refuses a malformed request
   * (status 400), with DynamoDB's own message.
   */
  public static DynamoDbException dynamoDbValidation(String message) {
    return dynamoDbError("ValidationException", message);
  }

  /**
   * Fills and builds any of the SDK's service exceptions (for example {@code
   * BucketAlreadyExistsException.builder()} or {@code SnsException.builder()}) the way the SDK
   * does when {@code service} answers {@code status} with {@code code} and {@code message}.
   */
  @SuppressWarnings("unchecked")
  public static <E extends AwsServiceException> E serviceError(
      AwsServiceException.Builder builder, String service, int status, String code, String message) {
    return (E)
        builder
            .message(message)
            .statusCode(status)
            .awsErrorDetails(details(code, message, service))
            .build();
  }
}
