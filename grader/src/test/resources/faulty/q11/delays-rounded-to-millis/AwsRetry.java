// Faulty: computes the delays in whole milliseconds, so a base delay of 1.5 ms waits 1, 2, 4 ms.
package dev.awskit.solutions.q11;

import dev.awskit.exercises.q11.Sleeper;
import dev.awskit.exercises.q11.ThrottlingRetry;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

public class AwsRetry implements ThrottlingRetry {

  private final int maxRetries;
  private final Duration baseDelay;
  private final Sleeper sleeper;
  private final Consumer<String> log;

  /** Creates a retry policy; see {@link ThrottlingRetry} for the rules of each argument. */
  public AwsRetry(int maxRetries, Duration baseDelay, Sleeper sleeper, Consumer<String> log) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
    }
    if (baseDelay == null || baseDelay.isNegative()) {
      throw new IllegalArgumentException("baseDelay must be zero or positive, was " + baseDelay);
    }
    if (sleeper == null || log == null) {
      throw new IllegalArgumentException("a sleeper and a log are required");
    }
    this.maxRetries = maxRetries;
    this.baseDelay = baseDelay;
    this.sleeper = sleeper;
    this.log = log;
  }

  @Override
  public <T> T call(Supplier<T> operation) {
    if (operation == null) {
      throw new IllegalArgumentException("operation must not be null");
    }
    // The budget lives in this frame, not in a field: every call starts afresh.
    for (int retry = 1; ; retry++) {
      try {
        return operation.get();
      } catch (AwsServiceException failure) {
        String errorCode = errorCode(failure);
        if (retry > maxRetries || !RETRIED_ERROR_CODES.contains(errorCode)) {
          throw failure;
        }
        Duration delay = delayBefore(retry);
        log.accept(
            errorCode + ": retry " + retry + " of " + maxRetries + " in " + delay.toMillis()
                + " ms");
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
          // Someone wants this thread to stop: keep the flag for them and give up retrying.
          Thread.currentThread().interrupt();
          throw failure;
        }
      }
    }
  }

  /** Returns {@code baseDelay * 2^(retry - 1)}: 1x before the first retry, 2x, 4x, ... */
  private Duration delayBefore(int retry) {
    return Duration.ofMillis(baseDelay.toMillis() << Math.min(retry - 1, 62));
  }

  private static String errorCode(AwsServiceException failure) {
    AwsErrorDetails details = failure.awsErrorDetails();
    return details == null ? null : details.errorCode();
  }
}
