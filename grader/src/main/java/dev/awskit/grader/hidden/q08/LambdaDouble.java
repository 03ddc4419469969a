package dev.awskit.grader.hidden.q08;

import static org.mockito.Mockito.mock;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Hands a submission a {@link LambdaClient} that records every Invoke request and answers it with
 * the test's handler. {@code invoke(Consumer<Builder>)} is a default method whose real code builds
 * the request and calls {@code invoke(InvokeRequest)}, so both builder styles are graded alike.
 */
final class LambdaDouble implements Answer<Object> {

  private static final int MAX_REQUESTS = 20;

  private final LambdaClient client = mock(LambdaClient.class, this);
  private final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final Function<InvokeRequest, InvokeResponse> handler;

  private LambdaDouble(Function<InvokeRequest, InvokeResponse> handler) {
    this.handler = handler;
  }

  /** Returns a client whose every Invoke gets {@code response}. */
  static LambdaDouble answering(InvokeResponse response) {
    return new LambdaDouble(request -> response);
  }

  /** Returns a client whose every Invoke gets a response with this status code and payload. */
  static LambdaDouble answering(int statusCode, String payload) {
    return answering(
        InvokeResponse.builder()
            .statusCode(statusCode)
            .payload(payload == null ? null : SdkBytes.fromUtf8String(payload))
            .build());
  }

  /** Returns a client whose every Invoke throws {@code failure}. */
  static LambdaDouble failingWith(RuntimeException failure) {
    return new LambdaDouble(
        request -> {
          throw failure;
        });
  }

  LambdaClient client() {
    return client;
  }

  /** Returns the Invoke requests received, in order, whichever overload was called. */
  List<InvokeRequest> invocations() {
    synchronized (requests) {
      return requests.stream()
          .filter(InvokeRequest.class::isInstance)
          .map(InvokeRequest.class::cast)
          .toList();
    }
  }

  /** Returns every request received. */
  List<SdkRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public Object answer(InvocationOnMock invocation) throws Throwable {
    Method method = invocation.getMethod();
    Object[] arguments = invocation.getArguments();
    if (method.isDefault() && arguments.length == 1 && arguments[0] instanceof Consumer) {
      return invocation.callRealMethod();
    }
    if (arguments.length == 1 && arguments[0] instanceof SdkRequest request) {
      if (requests.size() >= MAX_REQUESTS) {
        throw new AssertionError(
            "Your code sent more than "
                + MAX_REQUESTS
                + " requests to Lambda for one call;"
                + " invoke should send exactly one Invoke request.");
      }
      requests.add(request);
      if (request instanceof InvokeRequest invoke) {
        return handler.apply(invoke);
      }
      throw new AssertionError(
          "The question asks for one Invoke request, but your code called "
              + method.getName()
              + ".");
    }
    return Mockito.RETURNS_DEFAULTS.answer(invocation);
  }
}
