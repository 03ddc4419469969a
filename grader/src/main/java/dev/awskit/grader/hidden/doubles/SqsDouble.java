package dev.awskit.grader.hidden.doubles;

import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Hands a submission an {@link SqsClient} that records every request and answers it with the
 * handler a test registered for the request's type. As a {@link ClientDouble}, it lets the {@code
 * Consumer<Builder>} overloads reach the same handlers as the request objects.
 */
public final class SqsDouble extends ClientDouble<SqsClient> {

  /**
   * Creates a double for a question that asks for {@code askedFor}, which stops a loop after
   * {@code maxRequests} requests with {@code runawayMessage}.
   */
  public SqsDouble(int maxRequests, String runawayMessage, String askedFor) {
    super(SqsClient.class, maxRequests, runawayMessage, askedFor);
  }

  /** Answers every later request of {@code type} with {@code handler}. */
  public <R extends SdkRequest> SqsDouble on(Class<R> type, Function<R, ?> handler) {
    handle(type, (request, none) -> handler.apply(request));
    return this;
  }
}
