package dev.awskit.exercises.q08;

import dev.awskit.exercises.Exercise;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Invokes an AWS Lambda function with a JSON payload, synchronously or as an event.
 *
 * <p>The rules are numbered (8.2 is rule 2 of question 8); each hidden test
 * names the rules it checks.
 *
 * <p><b>Constructor.</b> <b>8.1</b> The implementation has a public constructor taking the
 * {@link LambdaClient} to use; never build a client yourself.
 *
 * <p><b>The request.</b> One {@code Invoke} request ({@code LambdaClient.invoke}, either builder
 * style) with:
 *
 * <ul>
 *   <li><b>8.2</b> {@code FunctionName}: the {@code functionName} argument, as given;
 *   <li><b>8.3</b> {@code InvocationType}: {@code RequestResponse} for
 *       {@link InvocationMode#REQUEST_RESPONSE}, {@code Event} for {@link InvocationMode#EVENT};
 *   <li><b>8.4</b> {@code Payload}: the {@code payload} map written as a JSON object (UTF-8 bytes
 *       in {@code SdkBytes}), nested maps as objects and lists as arrays. Use a JSON library
 *       (Jackson's {@code ObjectMapper} is on the class path); {@code Map.toString()} is not JSON.
 * </ul>
 *
 * <p><b>The result.</b> <b>8.5</b> It is always a map; the method never throws.
 *
 * <ul>
 *   <li><b>8.6</b> {@code REQUEST_RESPONSE}, success: the response's payload, a JSON object, read
 *       into a {@code Map<String, Object>} as Jackson reads it (objects as maps, arrays as lists,
 *       numbers, strings, booleans and {@code null} as such).
 *   <li><b>8.7</b> {@code EVENT}, success: exactly {@code {"status": "accepted", "status_code":
 *       <the response's StatusCode>}}, the status code as an {@code Integer} (Lambda answers 202
 *       when it has queued the event). There is no payload to read.
 *   <li><b>8.8</b> Any failure: a map with the single key {@code "error"} whose value is a
 *       non-blank {@code String} message. Failures are:
 *       <ul>
 *         <li><b>8.9</b> an {@code SdkException} from the client (a {@code LambdaException} such as
 *             {@code ResourceNotFoundException}, or an {@code SdkClientException}): the message is
 *             the exception's {@code getMessage()}, or any other non-blank text when that is
 *             {@code null} or blank (an {@code SdkClientException} that only wraps a cause
 *             may have no message);
 *         <li><b>8.10</b> a function error: the call itself succeeds, but the response's
 *             {@code FunctionError} is set (for example {@code "Unhandled"}) and its payload
 *             describes the error, like
 *             {@code {"errorMessage": "...", "errorType": "...", "stackTrace": [...]}}: the
 *             message is that {@code errorMessage}; when the payload has no non-blank string
 *             {@code errorMessage}, a message that contains the {@code FunctionError} value;
 *         <li><b>8.11</b> a {@code REQUEST_RESPONSE} payload that is not a JSON object (malformed
 *             JSON, empty, an array, a string, a number, {@code null});
 *         <li><b>8.12</b> a payload map that cannot be written as JSON;
 *         <li><b>8.13</b> a bad argument: {@code functionName} {@code null} or blank, {@code
 *             payload} {@code null} or {@code mode} {@code null}; nothing is sent then.
 *       </ul>
 * </ul>
 */
@Exercise(
    number = 8,
    title = "Invoke a Lambda function",
    implementation = "LambdaInvoker",
    constructor = LambdaClient.class)
public interface FunctionInvoker {

  /**
   * Invokes {@code functionName} with {@code payload} and returns its result, the
   * acknowledgement of an event, or an error map, as the interface's documentation describes.
   *
   * @param functionName the function's name, version/alias-qualified name or ARN
   * @param payload the event to send, written as a JSON object
   * @param mode whether to wait for the result ({@code REQUEST_RESPONSE}) or queue an event
   * @return the parsed result, {@code {"status": "accepted", "status_code": 202}} for an event, or
   *     {@code {"error": message}}; never {@code null}
   */
  Map<String, Object> invoke(String functionName, Map<String, Object> payload, InvocationMode mode);
}
