package dev.awskit.grader.hidden.doubles;

import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Hands a submission an {@link S3Client} that records every request and answers it with the
 * handler a test registered for the request's type.
 *
 * <p>As a {@link ClientDouble}, it lets every overload a student may fairly use reach the same
 * handler: the {@code Consumer<Builder>} forms, the paginators, {@code putObject(request, Path)},
 * {@code getObject(request)}, {@code getObject(request, Path)} and {@code getObjectAsBytes} all
 * end in {@code putObject(PutObjectRequest, RequestBody)} or {@code getObject(GetObjectRequest,
 * ResponseTransformer)}, as they do in the SDK.
 */
public final class S3Double extends ClientDouble<S3Client> {

  /** More requests than one call of a correct solution sends in any test. */
  private static final int MAX_REQUESTS = 100;

  /**
   * Creates a double for a question that asks for {@code askedFor} (such as {@code
   * "CreateBucket"}).
   */
  public S3Double(String askedFor) {
    super(
        S3Client.class,
        MAX_REQUESTS,
        "Your code sent more than " + MAX_REQUESTS + " requests to S3 without stopping. A"
            + " listing must send each page's NextContinuationToken as the next request's"
            + " ContinuationToken and stop when a response is not truncated.",
        askedFor);
  }

  /** Answers every later request of {@code type} with {@code handler}. */
  public <R extends SdkRequest> S3Double on(Class<R> type, Function<R, ?> handler) {
    handle(type, (request, none) -> handler.apply(request));
    return this;
  }

  /** Answers every later PutObject with {@code handler}, which receives the request body too. */
  public S3Double onPut(BiFunction<PutObjectRequest, RequestBody, ?> handler) {
    handle(PutObjectRequest.class, (request, body) -> handler.apply(request, (RequestBody) body));
    return this;
  }

  /**
   * Answers every later GetObject with {@code handler}, which receives the caller's response
   * transformer and returns what it made of the object.
   */
  @SuppressWarnings("unchecked")
  public S3Double onGet(
      BiFunction<GetObjectRequest, ResponseTransformer<GetObjectResponse, ?>, ?> handler) {
    handle(
        GetObjectRequest.class,
        (request, transformer) ->
            handler.apply(request, (ResponseTransformer<GetObjectResponse, ?>) transformer));
    return this;
  }

  /** Answers every later request of {@code type} by throwing {@code failure}. */
  public S3Double failOn(Class<? extends SdkRequest> type, RuntimeException failure) {
    handle(
        type,
        (request, attachment) -> {
          throw failure;
        });
    return this;
  }
}
