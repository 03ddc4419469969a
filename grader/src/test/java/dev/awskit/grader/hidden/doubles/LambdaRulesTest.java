package dev.awskit.grader.hidden.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;

/** The q08 Lambda double's Invoke limits, against the Lambda API reference and quotas. */
class LambdaRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "thumbnailer", "my-function:PROD", "my_function:$LATEST",
      "123456789012:function:thumbnailer",
      "arn:aws:lambda:us-east-1:123456789012:function:thumbnailer:7"})
  void acceptsTheNamesAndArnsTheApiReferenceAllows(String name) {
    assertThatCode(() -> LambdaRules.checkInvoke(InvokeRequest.builder().functionName(name)
        .payload(SdkBytes.fromUtf8String("{\"a\":1}")).build())).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "my function", "thumbnailer!", "a/b"})
  void refusesANameOutsideThePattern(String name) {
    assertThatThrownBy(() -> LambdaRules.checkInvoke(
            InvokeRequest.builder().functionName(name).build()))
        .isInstanceOf(LambdaException.class)
        .satisfies(e -> assertThat(((LambdaException) e).awsErrorDetails().errorCode())
            .isEqualTo("ValidationException"));
  }

  @Test
  void refusesANameOf171Characters() {
    assertThatThrownBy(() -> LambdaRules.checkInvoke(
            InvokeRequest.builder().functionName("f".repeat(171)).build()))
        .isInstanceOf(LambdaException.class);
  }

  @Test
  void payloadLimitsDependOnTheInvocationType() {
    // given: a JSON string of 1 MB + 1 byte
    SdkBytes payload = SdkBytes.fromUtf8String(
        "\"" + "x".repeat(LambdaRules.MAX_ASYNC_PAYLOAD - 1) + "\"");
    InvokeRequest.Builder request = InvokeRequest.builder().functionName("f").payload(payload);

    // then
    assertThatCode(() -> LambdaRules.checkInvoke(
        request.invocationType(InvocationType.REQUEST_RESPONSE).build()))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> LambdaRules.checkInvoke(
            request.invocationType(InvocationType.EVENT).build()))
        .isInstanceOf(RequestTooLargeException.class)
        .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(413));
  }

  @Test
  void refusesAPayloadOverSixMegabytes() {
    InvokeRequest request = InvokeRequest.builder().functionName("f")
        .payload(SdkBytes.fromUtf8String(
            "\"" + "x".repeat(LambdaRules.MAX_SYNC_PAYLOAD) + "\""))
        .build();

    assertThatThrownBy(() -> LambdaRules.checkInvoke(request))
        .isInstanceOf(RequestTooLargeException.class);
  }

  @Test
  void refusesAPayloadThatIsNotJson() {
    InvokeRequest request = InvokeRequest.builder().functionName("f")
        .payload(SdkBytes.fromUtf8String("name=Ada")).build();

    assertThatThrownBy(() -> LambdaRules.checkInvoke(request))
        .isInstanceOf(InvalidRequestContentException.class);
  }
}
