package dev.awskit.exercises.q11;

import dev.awskit.exercises.Exercise;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Retries an AWS operation that was throttled, waiting longer after each attempt.
 *
 * <p>The rules are numbered (11.2 is rule 2 of question 11); each hidden test
 * names the rules it checks.
 *
 * <p>This is the Java counterpart of the Python decorator {@code @aws_retry(max_retries=3,
 * base_delay=1)}. The implementation is built with
 * {@code new AwsRetry(maxRetries, baseDelay, sleeper, log)}:
 *
 * <ul>
 *   <li><b>11.1</b> {@code maxRetries}: how many times a throttled operation is tried
 *       <em>again</em> after its first call, at least {@code 0}; so an operation runs at most
 *       {@code 1 + maxRetries} times;
 *   <li><b>11.2</b> {@code baseDelay}: the wait before the first retry, not {@code null}, not
 *       negative ({@link Duration#ZERO} is allowed);
 *   <li><b>11.3</b> {@code sleeper}: does the waiting; the implementation never calls
 *       {@code Thread.sleep} itself;
 *   <li><b>11.4</b> {@code log}: receives one line per retry; the implementation never prints.
 * </ul>
 *
 * <p><b>11.5</b> The constructor throws {@link IllegalArgumentException} if {@code maxRetries} is
 * negative, {@code baseDelay} is {@code null} or negative, or {@code sleeper} or {@code log} is
 * {@code null}.
 *
 * <p><b>11.6</b> An instance keeps no state between calls: every {@link #call} starts with the full
 * budget of {@code maxRetries} retries, so one instance can guard many operations.
 */
@Exercise(
    number = 11,
    title = "Retry with exponential backoff",
    implementation = "AwsRetry",
    constructor = {int.class, Duration.class, Sleeper.class, Consumer.class})
public interface ThrottlingRetry {

  /**
   * The error codes that are retried, exactly as {@code awsErrorDetails().errorCode()} returns
   * them (case matters). The SDK knows more throttling codes (for example {@code SlowDown} or
   * {@code ProvisionedThroughputExceededException}, see {@code AwsErrorCode}), and
   * {@code AwsServiceException.isThrottlingException()} accepts all of them; this exercise
   * retries these three only. The set cannot be changed, and {@code contains(null)} is
   * {@code false}.
   */
  Set<String> RETRIED_ERROR_CODES =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of("Throttling", "ThrottlingException", "RequestLimitExceeded")));

  /**
   * Calls {@code operation} and returns its result, retrying it while it is throttled.
   *
   * <p>The rules:
   *
   * <ol>
   *   <li><b>11.7</b> The operation is called once. If it returns, its result is returned at once.
   *   <li><b>11.8</b> If it throws an {@code AwsServiceException} (any subclass, such as
   *       {@code S3Exception} or {@code DynamoDbException}) whose
   *       {@code awsErrorDetails().errorCode()} is one of {@link #RETRIED_ERROR_CODES}, and
   *       fewer than {@code maxRetries} retries were made so far, it is retried.
   *   <li><b>11.9</b> Retry number {@code n} (1 for the first) first writes one line to the log,
   *       then sleeps {@code baseDelay * 2^(n-1)} through the sleeper, then calls the operation
   *       again, in that order. With a base delay of 1 s the waits are 1 s, 2 s, 4 s, ...
   *   <li><b>11.10</b> The log line names the retry number {@code n} and the delay, the delay in
   *       milliseconds (such as {@code 200 ms}) or as {@link Duration#toString()} (such as
   *       {@code PT0.2S}); for example {@code "ThrottlingException: retry 2 of 3 in 200 ms"}.
   *   <li><b>11.11</b> Any other exception (an {@code AwsServiceException} with another error code
   *       or without error details, an {@code SdkClientException}, any other
   *       {@code RuntimeException} or {@code Error}) propagates at once, unchanged: not
   *       retried, not wrapped, not logged.
   *   <li><b>11.12</b> When the operation is still throttled after the last retry, that last
   *       exception is rethrown unchanged (the same instance, not wrapped).
   *   <li><b>11.13</b> If the sleeper throws {@link InterruptedException}, the thread's interrupt
   *       flag is set again ({@code Thread.currentThread().interrupt()}), no further attempt is
   *       made, and the throttling exception that was about to be retried is rethrown unchanged.
   * </ol>
   *
   * @param operation the operation to call; not {@code null}
   * @param <T> the type of the operation's result
   * @return what the operation returned
   * @throws IllegalArgumentException <b>11.14</b> if {@code operation} is {@code null}
   */
  <T> T call(Supplier<T> operation);

  /**
   * Returns a supplier that runs {@code operation} through {@link #call} each time it is asked:
   * the decorator of the Python original, in Java.
   *
   * @param operation the operation to guard; not {@code null}
   * @param <T> the type of the operation's result
   * @return a supplier with the same result as {@code operation}, retried when throttled
   * @throws IllegalArgumentException if {@code operation} is {@code null}
   */
  default <T> Supplier<T> wrap(Supplier<T> operation) {
    if (operation == null) {
      throw new IllegalArgumentException("operation must not be null");
    }
    return () -> call(operation);
  }
}
