// Variant: InvokeRequest built as an object, InvocationType left unset for a synchronous call (Lambda's default), readValue into a Map.
package dev.awskit.solutions.q08;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.exercises.q08.FunctionInvoker;
import dev.awskit.exercises.q08.InvocationMode;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

public class LambdaInvoker implements FunctionInvoker {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final LambdaClient lambda;

  public LambdaInvoker(LambdaClient lambda) {
    this.lambda = lambda;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> invoke(
      String functionName, Map<String, Object> payload, InvocationMode mode) {
    if (functionName == null || functionName.isBlank() || payload == null || mode == null) {
      return Map.of("error", "invalid arguments");
    }
    try {
      InvokeRequest.Builder request =
          InvokeRequest.builder()
              .functionName(functionName)
              .payload(SdkBytes.fromUtf8String(MAPPER.writeValueAsString(payload)));
      if (mode == InvocationMode.EVENT) {
        request.invocationType(InvocationType.EVENT);
      }
      InvokeResponse response = lambda.invoke(request.build());
      if (response.functionError() != null) {
        Object details = MAPPER.readValue(response.payload().asByteArray(), Object.class);
        if (details instanceof Map<?, ?> map && map.get("errorMessage") instanceof String text
            && !text.isBlank()) {
          return Map.of("error", text);
        }
        return Map.of("error", "function failed: " + response.functionError());
      }
      if (mode == InvocationMode.EVENT) {
        Map<String, Object> accepted = new HashMap<>();
        accepted.put("status", "accepted");
        accepted.put("status_code", response.statusCode());
        return accepted;
      }
      Object result = MAPPER.readValue(response.payload().asByteArray(), Object.class);
      if (result instanceof Map<?, ?>) {
        return (Map<String, Object>) result;
      }
      return Map.of("error", "result is not a JSON object: " + result);
    } catch (SdkException e) {
      String message = e.getMessage();
      return Map.of("error", message == null || message.isBlank() ? "Lambda call failed" : message);
    } catch (java.io.IOException e) {
      return Map.of("error", "bad JSON: " + e.getMessage());
    }
  }
}
