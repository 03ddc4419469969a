package dev.awskit.exercises.q11;

import dev.awskit.exercises.NotImplementedYet;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Retries throttled AWS operations with exponential backoff: complete this class (question 11). */
public class AwsRetry implements ThrottlingRetry {

  private final int maxRetries;
  private final Duration baseDelay;
  private final Sleeper sleeper;
  private final Consumer<String> log;

  /** Creates a retry policy; see {@link ThrottlingRetry} for the rules of each argument. */
  public AwsRetry(int maxRetries, Duration baseDelay, Sleeper sleeper, Consumer<String> log) {
    this.maxRetries = maxRetries;
    this.baseDelay = baseDelay;
    this.sleeper = sleeper;
    this.log = log;
  }

  @Override
  public <T> T call(Supplier<T> operation) {
    throw new NotImplementedYet(11);
  }
}
