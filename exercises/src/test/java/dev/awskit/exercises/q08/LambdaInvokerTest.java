package dev.awskit.exercises.q08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.Implementations;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

class LambdaInvokerTest {

  private final LambdaClient lambda = mock(LambdaClient.class);

  @BeforeEach
  @SuppressWarnings("unchecked")
  void letTheConsumerOverloadReachTheRequestOverload() {
    // invoke(Consumer<Builder>) is a default method that builds the request and calls
    // invoke(InvokeRequest).
    when(lambda.invoke(any(Consumer.class))).thenCallRealMethod();
  }

  @Test
  void returnsTheFunctionsResultAsAMap() {
    // given
    when(lambda.invoke(any(InvokeRequest.class)))
        .thenReturn(
            InvokeResponse.builder()
                .statusCode(200)
                .payload(SdkBytes.fromUtf8String("{\"greeting\": \"hello Ada\", \"length\": 9}"))
                .build());
    FunctionInvoker invoker = Implementations.create(FunctionInvoker.class, lambda);

    // when
    Map<String, Object> result =
        invoker.invoke("greeter", Map.of("name", "Ada"), InvocationMode.REQUEST_RESPONSE);

    // then
    ArgumentCaptor<InvokeRequest> sent = ArgumentCaptor.forClass(InvokeRequest.class);
    verify(lambda).invoke(sent.capture());
    assertThat(sent.getValue().functionName()).isEqualTo("greeter");
    assertThat(result).containsEntry("greeting", "hello Ada").containsEntry("length", 9);
  }

  @Test
  void acknowledgesAnEvent() {
    // given: Lambda answers 202 Accepted once it has queued the event
    when(lambda.invoke(any(InvokeRequest.class)))
        .thenReturn(InvokeResponse.builder().statusCode(202).build());
    FunctionInvoker invoker = Implementations.create(FunctionInvoker.class, lambda);

    // when
    Map<String, Object> result =
        invoker.invoke("audit-log", Map.of("action", "login"), InvocationMode.EVENT);

    // then
    assertThat(result).isEqualTo(Map.of("status", "accepted", "status_code", 202));
  }
}
