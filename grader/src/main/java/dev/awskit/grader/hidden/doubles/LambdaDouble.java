package dev.awskit.grader.hidden.doubles;

import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Hands a submission a {@link LambdaClient} that records every Invoke request, refuses what
 * Lambda refuses ({@link LambdaRules}) and answers the rest with the test's handler. As a {@link ClientDouble}, it lets {@code invoke(Consumer<Builder>)} build
 * the request and call {@code invoke(InvokeRequest)}, so both builder styles are graded alike.
 */
public final class LambdaDouble extends ClientDouble<LambdaClient> {

  /** More requests than one call of a correct solution sends. */
  private static final int MAX_REQUESTS = 20;

  private LambdaDouble(Function<InvokeRequest, InvokeResponse> handler) {
    super(
        LambdaClient.class,
        MAX_REQUESTS,
        "Your code sent more than " + MAX_REQUESTS + " requests to Lambda for one call;"
            + " invoke should send exactly one Invoke request.",
        "one Invoke request");
    handle(
        InvokeRequest.class,
        (request, none) -> {
          LambdaRules.checkInvoke(request);
          return handler.apply(request);
        });
  }

  /** Returns a client whose every Invoke gets {@code response}. */
  public static LambdaDouble answering(InvokeResponse response) {
    return new LambdaDouble(request -> response);
  }

  /** Returns a client whose every Invoke gets a response with this status code and payload. */
  public static LambdaDouble answering(int statusCode, String payload) {
    return answering(
        InvokeResponse.builder()
            .statusCode(statusCode)
            .payload(payload == null ? null : SdkBytes.fromUtf8String(payload))
            .build());
  }

  /** Returns a client whose every Invoke throws {@code failure}. */
  public static LambdaDouble failingWith(RuntimeException failure) {
    return new LambdaDouble(
        request -> {
          throw failure;
        });
  }

  /** Returns the Invoke requests received, in order, whichever overload was called. */
  public List<InvokeRequest> invocations() {
    return requests(InvokeRequest.class);
  }
}
