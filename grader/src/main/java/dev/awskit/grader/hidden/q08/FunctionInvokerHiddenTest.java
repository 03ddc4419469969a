package dev.awskit.grader.hidden.q08;

import static dev.awskit.grader.hidden.Thrown.describe;
import static dev.awskit.grader.hidden.ServiceErrors.serviceError;
import static dev.awskit.grader.hidden.Thrown.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.exercises.q08.FunctionInvoker;
import dev.awskit.exercises.q08.InvocationMode;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.doubles.LambdaDouble;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Hidden tests of question 8: invoking a Lambda function synchronously or as an event. */
@QuestionTests(8)
public class FunctionInvokerHiddenTest {

  private static final String FUNCTION = "course-order-processor";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Points(3)
  @Checks({"8.1", "8.2", "8.3", "8.6"})
  @DisplayName("REQUEST_RESPONSE invokes the function and returns its JSON result as nested maps")
  void synchronousResultIsParsed(Submission submission) {
    // given
    String result =
        "{\"order\": {\"id\": 7, \"tags\": [\"new\", \"gift\"], \"note\": null},"
            + " \"ok\": true, \"total\": 19.5, \"items\": 3, \"ticket\": 12345678901}";
    LambdaDouble lambda = LambdaDouble.answering(200, result);
    FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());

    // when
    Map<String, Object> answer =
        call(
            "invoke(name, payload, REQUEST_RESPONSE)",
            () -> invoker.invoke(FUNCTION, Map.of("orderId", 7), InvocationMode.REQUEST_RESPONSE));

    // then
    InvokeRequest sent = onlyInvocation(lambda);
    assertThat(sent.functionName())
        .as("The Invoke request should name the function as given")
        .isEqualTo(FUNCTION);
    InvocationType type = sent.invocationType();
    assertThat(type == null || type == InvocationType.REQUEST_RESPONSE)
        .withFailMessage(
            "REQUEST_RESPONSE should invoke with InvocationType RequestResponse; it sent %s", type)
        .isTrue();
    assertThat(normalize(answer))
        .withFailMessage(
            "invoke should return the function's JSON result read into a Map (objects as maps,"
                + " arrays as lists);%n  the function returned %s%n  invoke returned %s",
            result, answer)
        .isEqualTo(normalize(parse(result)));
  }

  @Test
  @Points(2)
  @Checks({"8.4"})
  @DisplayName("The payload is sent as the JSON object of the map, nested values included")
  void payloadIsSentAsJson(Submission submission) {
    // given
    LambdaDouble lambda = LambdaDouble.answering(200, "{\"ok\": true}");
    FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", "Zoë \"Z\" O'Neil");
    customer.put("vip", true);
    customer.put("nickname", null);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("orderId", 42);
    payload.put("amount", 19.99);
    payload.put("customer", customer);
    payload.put("lines", List.of(Map.of("sku", "A-1", "qty", 2), Map.of("sku", "B-7", "qty", 1)));

    // when
    call(
        "invoke(name, payload, REQUEST_RESPONSE)",
        () -> invoker.invoke(FUNCTION, payload, InvocationMode.REQUEST_RESPONSE));

    // then
    InvokeRequest sent = onlyInvocation(lambda);
    SdkBytes body = sent.payload();
    assertThat(body).withFailMessage("The Invoke request has no Payload").isNotNull();
    String text = body.asUtf8String();
    Object json;
    try {
      json = JSON.readValue(text, Object.class);
    } catch (IOException notJson) {
      throw new AssertionError(
          "The Payload sent is not valid JSON: "
              + text
              + " (Map.toString() is not JSON; write the"
              + " map with a JSON library such as Jackson's ObjectMapper)");
    }
    assertThat(normalize(json))
        .withFailMessage(
            "The Payload should be the JSON object of the payload map;%n  expected %s%n  sent    "
                + " %s",
            JSON.valueToTree(payload), text)
        .isEqualTo(normalize(payload));
  }

  @Test
  @Points(2)
  @Checks({"8.2", "8.3", "8.7"})
  @DisplayName("EVENT invokes with InvocationType Event and returns status accepted and 202")
  void eventIsAcknowledged(Submission submission) {
    // given
    LambdaDouble lambda = LambdaDouble.answering(202, null);
    FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());

    // when
    Map<String, Object> answer =
        call(
            "invoke(name, payload, EVENT)",
            () -> invoker.invoke(FUNCTION, Map.of("orderId", 7), InvocationMode.EVENT));

    // then
    InvokeRequest sent = onlyInvocation(lambda);
    assertThat(sent.invocationType())
        .withFailMessage(
            "EVENT should invoke with InvocationType Event (asynchronous); it sent %s",
            sent.invocationType())
        .isEqualTo(InvocationType.EVENT);
    assertThat(normalize(answer))
        .withFailMessage(
            "An accepted event should give exactly {status=accepted, status_code=202}; invoke"
                + " returned %s",
            answer)
        .isEqualTo(normalize(Map.of("status", "accepted", "status_code", 202)));
  }

  @Test
  @Points(3)
  @Checks({"8.5", "8.8", "8.10"})
  @DisplayName("A function error (FunctionError set) gives {error: errorMessage}, not the payload")
  void functionErrorIsAFailure(Submission submission) {
    // given
    String failure =
        "{\"errorMessage\": \"Order 7 has no lines\", \"errorType\": \"ValueError\","
            + " \"stackTrace\": [\"  File \\\"/var/task/app.py\\\", line 12, in handler\"]}";
    LambdaDouble lambda =
        LambdaDouble.answering(
            InvokeResponse.builder()
                .statusCode(200)
                .functionError("Unhandled")
                .executedVersion("$LATEST")
                .payload(SdkBytes.fromUtf8String(failure))
                .build());
    FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());

    // when
    Map<String, Object> answer =
        call(
            "invoke(name, payload, REQUEST_RESPONSE) of a failing function",
            () -> invoker.invoke(FUNCTION, Map.of("orderId", 7), InvocationMode.REQUEST_RESPONSE));

    // then
    assertThat(answer)
        .withFailMessage(
            "The call succeeded (status 200) but the response's FunctionError is \"Unhandled\":"
                + " the function itself failed, so invoke should return {error=Order 7 has no"
                + " lines}, the errorMessage of the payload; it returned %s",
            answer)
        .isEqualTo(Map.of("error", "Order 7 has no lines"));
  }

  @Test
  @Points(2)
  @Checks({"8.5", "8.8", "8.9"})
  @DisplayName("An SDK or Lambda exception gives {error: message}; no exception escapes")
  void sdkFailuresBecomeErrorMaps(Submission submission) {
    // given
    List<RuntimeException> failures =
        List.of(
            lambdaError(
                ResourceNotFoundException.builder(),
                "ResourceNotFoundException",
                404,
                "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:" + FUNCTION),
            lambdaError(
                TooManyRequestsException.builder(),
                "TooManyRequestsException",
                429,
                "Rate exceeded"),
            SdkClientException.create("Unable to execute HTTP request: connect timed out"));
    for (RuntimeException failure : failures) {
      for (InvocationMode mode : InvocationMode.values()) {
        LambdaDouble lambda = LambdaDouble.failingWith(failure);
        FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
        String described =
            "invoke(name, payload, "
                + mode
                + ") while Lambda throws "
                + failure.getClass().getSimpleName();

        // when / then
        Map<String, Object> answer =
            call(described, () -> invoker.invoke(FUNCTION, Map.of("orderId", 7), mode));

        String message = errorMessage(described, answer);
        String expected = failure.getMessage().split(" \\(Service:")[0];
        assertThat(message)
            .withFailMessage(
                "%s should give {error=<the exception's message>}; the error \"%s\" does not"
                    + " contain \"%s\"",
                described, message, expected)
            .contains(expected);
      }
    }
  }

  @Test
  @Points(1)
  @Checks({"8.10"})
  @DisplayName("A function error with an empty errorMessage gives an error naming the FunctionError")
  void functionErrorWithEmptyMessageNamesTheFunctionError(Submission submission) {
    // given
    // Python's `raise ValueError()` reports its error with an empty errorMessage.
    for (String errorMessage : List.of("", "   ")) {
      String failure =
          "{\"errorMessage\": \"" + errorMessage + "\", \"errorType\": \"ValueError\","
              + " \"stackTrace\": [\"  File \\\"/var/task/app.py\\\", line 3, in handler\"]}";
      LambdaDouble lambda =
          LambdaDouble.answering(
              InvokeResponse.builder()
                  .statusCode(200)
                  .functionError("Unhandled")
                  .payload(SdkBytes.fromUtf8String(failure))
                  .build());
      FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
      String described =
          "invoke(name, payload, REQUEST_RESPONSE) when FunctionError is \"Unhandled\" and the"
              + " payload's errorMessage is \"" + errorMessage + "\"";

      // when / then
      Map<String, Object> answer =
          call(
              described,
              () ->
                  invoker.invoke(FUNCTION, Map.of("orderId", 7), InvocationMode.REQUEST_RESPONSE));

      assertThat(errorMessage(described, answer))
          .withFailMessage(
              "%s should give an error message that names the FunctionError (a blank"
                  + " errorMessage says nothing); got %s",
              described, answer)
          .contains("Unhandled");
    }
  }

  @Test
  @Points(1)
  @Checks({"8.7"})
  @DisplayName("An event's status_code is the StatusCode Lambda answered, not a fixed 202")
  void eventStatusCodeIsTheResponses(Submission submission) {
    for (int statusCode : new int[] {202, 200}) {
      // given
      LambdaDouble lambda = LambdaDouble.answering(statusCode, null);
      FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
      String described = "invoke(name, payload, EVENT) when Lambda answers " + statusCode;

      // when
      Map<String, Object> answer =
          call(
              described,
              () -> invoker.invoke(FUNCTION, Map.of("orderId", 7), InvocationMode.EVENT));

      // then
      assertThat(normalize(answer))
          .withFailMessage(
              "%s should give {status=accepted, status_code=%d}, the status code taken from the"
                  + " response, but it returned %s.",
              described, statusCode, answer)
          .isEqualTo(normalize(Map.of("status", "accepted", "status_code", statusCode)));
    }
  }

  @Test
  @Points(1)
  @Checks({"8.10"})
  @DisplayName("A function error whose payload has no errorMessage text gives an error naming the FunctionError")
  void functionErrorWithoutMessageNamesTheFunctionError(Submission submission) {
    // given: a payload without errorMessage, and one whose errorMessage is not text
    List<String> payloads =
        List.of(
            "{\"errorType\": \"Runtime.ExitError\"}",
            "{\"errorMessage\": {\"code\": 17}, \"errorType\": \"Custom\"}");
    for (String payload : payloads) {
      LambdaDouble lambda =
          LambdaDouble.answering(
              InvokeResponse.builder()
                  .statusCode(200)
                  .functionError("Unhandled")
                  .payload(SdkBytes.fromUtf8String(payload))
                  .build());
      FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
      String described =
          "invoke(name, payload, REQUEST_RESPONSE) when FunctionError is \"Unhandled\" and the"
              + " payload is " + payload;

      // when
      Map<String, Object> answer =
          call(
              described,
              () ->
                  invoker.invoke(FUNCTION, Map.of("orderId", 7), InvocationMode.REQUEST_RESPONSE));

      // then
      assertThat(errorMessage(described, answer))
          .withFailMessage(
              "%s should give an error message that names the FunctionError, since the payload"
                  + " holds no errorMessage text; it returned %s.",
              described, answer)
          .contains("Unhandled");
    }
  }

  @Test
  @Points(1)
  @Checks({"8.9"})
  @DisplayName("An SDK exception without a message still gives a non-blank {error: ...}")
  void sdkFailureWithoutMessageGivesNonBlankError(Submission submission) {
    // given
    List<RuntimeException> failures =
        List.of(
            SdkClientException.builder().cause(new SocketTimeoutException()).build(),
            (RuntimeException) LambdaException.builder().statusCode(500).build(),
            SdkClientException.create(""));
    for (RuntimeException failure : failures) {
      for (InvocationMode mode : InvocationMode.values()) {
        LambdaDouble lambda = LambdaDouble.failingWith(failure);
        FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
        String described =
            "invoke(name, payload, " + mode + ") while Lambda throws "
                + failure.getClass().getSimpleName() + " whose getMessage() is "
                + (failure.getMessage() == null ? "null" : "\"" + failure.getMessage() + "\"");

        // when / then
        Map<String, Object> answer =
            call(described, () -> invoker.invoke(FUNCTION, Map.of("orderId", 7), mode));

        errorMessage(described, answer);
      }
    }
  }

  @Test
  @Points(1)
  @Checks({"8.5", "8.11"})
  @DisplayName("A result that is not a JSON object gives {error: ...}; no exception escapes")
  void unreadableResultIsAFailure(Submission submission) {
    // given
    List<String> results = List.of("not json at all", "[1, 2, 3]", "\"done\"", "42", "null", "");
    for (String result : results) {
      LambdaDouble lambda = LambdaDouble.answering(200, result);
      FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
      String described =
          "invoke(name, payload, REQUEST_RESPONSE) when the function returns '" + result + "'";

      // when / then
      Map<String, Object> answer =
          call(
              described,
              () ->
                  invoker.invoke(FUNCTION, Map.of("orderId", 7), InvocationMode.REQUEST_RESPONSE));

      errorMessage(described, answer);
    }
    LambdaDouble crashed =
        LambdaDouble.answering(
            InvokeResponse.builder()
                .statusCode(200)
                .functionError("Unhandled")
                .payload(SdkBytes.fromUtf8String("{\"errorType\": \"Runtime.ExitError\"}"))
                .build());
    FunctionInvoker invoker = submission.create(FunctionInvoker.class, crashed.client());
    String described =
        "invoke(name, payload, REQUEST_RESPONSE) when FunctionError is \"Unhandled\" and the"
            + " payload has no errorMessage";
    Map<String, Object> answer =
        call(
            described,
            () -> invoker.invoke(FUNCTION, Map.of("orderId", 7), InvocationMode.REQUEST_RESPONSE));
    assertThat(errorMessage(described, answer))
        .withFailMessage(
            "%s should give an error message that names the FunctionError; got %s",
            described, answer)
        .contains("Unhandled");
  }

  @Test
  @Points(1)
  @Checks({"8.13"})
  @DisplayName("A blank function name or a null payload or mode gives {error: ...}, unsent")
  void badArgumentsAreErrors(Submission submission) {
    // given
    LambdaDouble lambda = LambdaDouble.answering(200, "{\"ok\": true}");
    FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
    Map<String, Object> payload = Map.of("orderId", 7);
    record Case(String described, String name, Map<String, Object> payload, InvocationMode mode) {}
    List<Case> cases =
        List.of(
            new Case(
                "invoke(null, payload, REQUEST_RESPONSE)",
                null,
                payload,
                InvocationMode.REQUEST_RESPONSE),
            new Case("invoke(\"\", payload, EVENT)", "", payload, InvocationMode.EVENT),
            new Case(
                "invoke(\"  \", payload, REQUEST_RESPONSE)",
                "  ",
                payload,
                InvocationMode.REQUEST_RESPONSE),
            new Case(
                "invoke(name, null, REQUEST_RESPONSE)",
                FUNCTION,
                null,
                InvocationMode.REQUEST_RESPONSE),
            new Case("invoke(name, payload, null)", FUNCTION, payload, null));
    for (Case bad : cases) {
      // when
      Map<String, Object> answer =
          call(bad.described(), () -> invoker.invoke(bad.name(), bad.payload(), bad.mode()));

      // then
      errorMessage(bad.described(), answer);
      assertThat(lambda.requests())
          .withFailMessage(
              "%s should not call Lambda at all; it sent %d request(s)",
              bad.described(), lambda.requests().size())
          .isEmpty();
    }
  }

  @Test
  @Points(1)
  @Checks({"8.12"})
  @DisplayName("A payload that cannot be written as JSON gives {error: message} and no Invoke")
  void unwritablePayloadIsAnError(Submission submission) {
    // given
    LambdaDouble lambda = LambdaDouble.answering(200, "{\"ok\": true}");
    FunctionInvoker invoker = submission.create(FunctionInvoker.class, lambda.client());
    // A plain Object has no properties: a JSON library refuses to write it, rather than guess.
    Map<String, Object> payload = Map.of("orderId", 7, "handle", new Object());
    String described = "invoke(name, a payload holding a plain Object, REQUEST_RESPONSE)";

    // when
    Map<String, Object> answer =
        call(described, () -> invoker.invoke(FUNCTION, payload, InvocationMode.REQUEST_RESPONSE));

    // then
    errorMessage(described, answer);
    assertThat(lambda.requests())
        .withFailMessage(
            "%s should not call Lambda: a payload that cannot be written as JSON is an error"
                + " before any request; it sent %d request(s)",
            described, lambda.requests().size())
        .isEmpty();
  }

  /** Checks that {@code answer} is exactly {error: non-blank text} and returns the text. */
  private static String errorMessage(String described, Map<String, Object> answer) {
    assertThat(answer.keySet())
        .withFailMessage(
            "%s should return a map with the single key \"error\"; it returned %s",
            described, answer)
        .containsExactly("error");
    Object message = answer.get("error");
    assertThat(message instanceof String text && !text.isBlank())
        .withFailMessage(
            "%s should return {error=<a non-blank message>}; the error value is %s",
            described, message)
        .isTrue();
    return (String) message;
  }

  private static RuntimeException lambdaError(
      LambdaException.Builder builder, String code, int status, String message) {
    return serviceError(builder, "Lambda", status, code, message);
  }

  /** Returns the one Invoke request Lambda received; fails unless there was exactly one. */
  private static InvokeRequest onlyInvocation(LambdaDouble lambda) {
    List<InvokeRequest> sent = lambda.invocations();
    assertThat(sent)
        .withFailMessage(
            "invoke should send exactly one Invoke request; Lambda received %d", sent.size())
        .hasSize(1);
    return sent.get(0);
  }

  /** Calls the submission; an escaping exception or a null map fails with a plain message. */
  private static Map<String, Object> call(
      String described, java.util.function.Supplier<Map<String, Object>> action) {
    return resultOf(
        described,
        "invoke never throws and always returns a map; it reports every failure as {error=message}",
        action);
  }

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Makes JSON-like values comparable: numbers by value, any Map and List implementation. */
  private static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> normalized = new HashMap<>();
      map.forEach((key, inner) -> normalized.put(String.valueOf(key), normalize(inner)));
      return normalized;
    }
    if (value instanceof List<?> list) {
      List<Object> normalized = new ArrayList<>();
      list.forEach(inner -> normalized.add(normalize(inner)));
      return normalized;
    }
    if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
      return decimal.signum() == 0 ? BigDecimal.ZERO : decimal;
    }
    return value;
  }
}
