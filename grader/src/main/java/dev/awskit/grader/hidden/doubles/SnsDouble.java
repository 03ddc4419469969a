package dev.awskit.grader.hidden.doubles;

import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Hands a submission an {@link SnsClient} that records every request and answers it with the
 * handler a test registered for the request's type. As a {@link ClientDouble}, it lets {@code
 * publish(Consumer<Builder>)} reach the same handler as {@code publish(PublishRequest)}.
 */
public final class SnsDouble extends ClientDouble<SnsClient> {

  /** More requests than one call of a correct solution sends. */
  private static final int MAX_REQUESTS = 50;

  /** Creates a double for a question that asks for {@code askedFor}, such as {@code "Publish"}. */
  public SnsDouble(String askedFor) {
    super(
        SnsClient.class,
        MAX_REQUESTS,
        "Your code sent more than " + MAX_REQUESTS + " requests to SNS for one call.",
        askedFor);
  }

  /** Answers every later request of {@code type} with {@code handler}. */
  public <R extends SdkRequest> SnsDouble on(Class<R> type, Function<R, ?> handler) {
    handle(type, (request, none) -> handler.apply(request));
    return this;
  }
}
