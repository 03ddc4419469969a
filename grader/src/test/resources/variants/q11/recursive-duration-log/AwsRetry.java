// Variant: recursion instead of a loop, Math.pow for the backoff and Duration.toString() in the log.
package dev.awskit.solutions.q11;

import dev.awskit.exercises.q11.Sleeper;
import dev.awskit.exercises.q11.ThrottlingRetry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

public class AwsRetry implements ThrottlingRetry {

  private final int maxRetries;
  private final Duration baseDelay;
  private final Sleeper sleeper;
  private final Consumer<String> log;

  public AwsRetry(int maxRetries, Duration baseDelay, Sleeper sleeper, Consumer<String> log) {
    if (maxRetries < 0 || baseDelay == null || baseDelay.isNegative()
        || sleeper == null || log == null) {
      throw new IllegalArgumentException("invalid retry settings");
    }
    this.maxRetries = maxRetries;
    this.baseDelay = baseDelay;
    this.sleeper = sleeper;
    this.log = log;
  }

  @Override
  public <T> T call(Supplier<T> operation) {
    if (operation == null) {
      throw new IllegalArgumentException("operation");
    }
    return attempt(operation, 0);
  }

  private <T> T attempt(Supplier<T> operation, int attempt) {
    try {
      return operation.get();
    } catch (AwsServiceException e) {
      if (!isThrottling(e) || attempt == maxRetries) {
        throw e;
      }
      long factor = (long) Math.pow(2, attempt);
      Duration wait = baseDelay.multipliedBy(factor);
      log.accept("Attempt " + (attempt + 1) + "/" + maxRetries + " throttled; backing off "
          + wait);
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw e;
      }
      return attempt(operation, attempt + 1);
    }
  }

  private static boolean isThrottling(AwsServiceException e) {
    if (e.awsErrorDetails() == null) {
      return false;
    }
    String code = e.awsErrorDetails().errorCode();
    return Objects.equals(code, "Throttling")
        || Objects.equals(code, "ThrottlingException")
        || Objects.equals(code, "RequestLimitExceeded");
  }
}
