// Faulty: acknowledges every event with 202 instead of the status code Lambda answered.
package dev.awskit.solutions.q08;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.exercises.q08.FunctionInvoker;
import dev.awskit.exercises.q08.InvocationMode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

public class LambdaInvoker implements FunctionInvoker {

  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final LambdaClient lambda;
  private final ObjectMapper json = new ObjectMapper();

  /** Creates an invoker that calls Lambda through {@code lambda}. */
  public LambdaInvoker(LambdaClient lambda) {
    this.lambda = lambda;
  }

  @Override
  public Map<String, Object> invoke(
      String functionName, Map<String, Object> payload, InvocationMode mode) {
    if (functionName == null || functionName.isBlank()) {
      return error("functionName must not be blank");
    }
    if (payload == null) {
      return error("payload must not be null");
    }
    if (mode == null) {
      return error("mode must not be null");
    }
    SdkBytes body;
    try {
      body = SdkBytes.fromByteArray(json.writeValueAsBytes(payload));
    } catch (JsonProcessingException notJson) {
      return error("payload cannot be written as JSON: " + notJson.getOriginalMessage());
    }
    InvokeResponse response;
    try {
      response =
          lambda.invoke(
              request ->
                  request
                      .functionName(functionName)
                      .invocationType(
                          mode == InvocationMode.EVENT
                              ? InvocationType.EVENT
                              : InvocationType.REQUEST_RESPONSE)
                      .payload(body));
    } catch (SdkException failed) {
      return error(failed.getMessage());
    }
    if (response.functionError() != null) {
      return error(functionErrorMessage(response));
    }
    if (mode == InvocationMode.EVENT) {
      Map<String, Object> accepted = new LinkedHashMap<>();
      accepted.put("status", "accepted");
      accepted.put("status_code", 202);
      return accepted;
    }
    return readObject(response.payload());
  }

  private Map<String, Object> readObject(SdkBytes payload) {
    try {
      // Lambda answers every RequestResponse call with a payload (a function that returns
      // nothing sends the JSON null); an empty one reads as a missing node, never as null.
      JsonNode result = json.readTree(payload.asByteArray());
      if (!result.isObject()) {
        return error("the function's result is not a JSON object: " + describe(result));
      }
      return json.convertValue(result, JSON_OBJECT);
    } catch (IOException unreadable) {
      return error("the function's result is not valid JSON: " + unreadable.getMessage());
    }
  }

  /** Returns the errorMessage of a function error's payload, or the FunctionError value. */
  private String functionErrorMessage(InvokeResponse response) {
    try {
      // A function error always comes with a payload that describes it.
      JsonNode message = json.readTree(response.payload().asByteArray()).path("errorMessage");
      // Python's `raise ValueError()` reports an empty errorMessage.
      if (message.isTextual() && !message.asText().isBlank()) {
        return message.asText();
      }
    } catch (IOException unreadable) {
      // The FunctionError value below still says what went wrong.
    }
    return "function error: " + response.functionError();
  }

  private static String describe(JsonNode node) {
    return node.isMissingNode() ? "an empty payload" : node.getNodeType().name();
  }

  private static Map<String, Object> error(String message) {
    return Map.of(
        "error", message == null || message.isBlank() ? "the invocation failed" : message);
  }
}
