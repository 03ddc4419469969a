package dev.awskit.grader.hidden.doubles;

import static dev.awskit.grader.hidden.ServiceErrors.lambdaError;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;

/**
 * The limits Lambda checks before it runs an Invoke, so that the Lambda double of question 8
 * refuses what Lambda refuses, with the exception the SDK raises. Lambda has no open-source engine
 * to compare with; every rule cites the AWS documentation.
 */
final class LambdaRules {

  /**
   * A function name, version or alias, partial or full ARN: 1 to 170 characters of this pattern.
   * Source: "FunctionName" in
   * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
   */
  static final Pattern FUNCTION_NAME =
      Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
          + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

  static final int MAX_FUNCTION_NAME = 170;

  /**
   * The largest payload of a synchronous invocation, 6 MB, and of an asynchronous one ({@code
   * Event}), 1 MB since October 2025 (256 KB before). Source: "Invocation payload" in
   * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html and the errors
   * RequestTooLargeException (413) in API_Invoke.
   */
  static final int MAX_SYNC_PAYLOAD = 6_291_456;

  static final int MAX_ASYNC_PAYLOAD = 1_048_576;

  private static final ObjectMapper JSON = new ObjectMapper();

  private LambdaRules() {}

  /** Throws what Lambda answers to an Invoke request it refuses. */
  static void checkInvoke(InvokeRequest request) {
    String name = request.functionName();
    if (name == null || name.isEmpty() || name.length() > MAX_FUNCTION_NAME
        || !FUNCTION_NAME.matcher(name).matches()) {
      throw lambdaError(LambdaException.builder(), 400, "ValidationException",
          "1 validation error detected: Value '" + name + "' at 'functionName' failed to satisfy"
              + " constraint: Member must satisfy regular expression pattern: "
              + FUNCTION_NAME.pattern());
    }
    byte[] payload = request.payload() == null ? new byte[0] : request.payload().asByteArray();
    int limit = request.invocationType() == InvocationType.EVENT
        ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
    if (payload.length > limit) {
      throw lambdaError(RequestTooLargeException.builder(), 413, "RequestTooLargeException",
          "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
    }
    if (payload.length > 0) {
      try {
        JSON.readTree(payload);
      } catch (IOException notJson) {
        // InvalidRequestContentException: "The request body could not be parsed as JSON".
        throw lambdaError(InvalidRequestContentException.builder(), 400,
            "InvalidRequestContentException", "Could not parse request body into json");
      }
    }
  }
}
