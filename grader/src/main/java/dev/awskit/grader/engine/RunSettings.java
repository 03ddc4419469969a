package dev.awskit.grader.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Holds how hidden tests run: their time limit and extra configuration they read.
 *
 * @param timeLimit the time limit of every hidden test
 * @param parameters JUnit configuration parameters handed to the hidden tests
 */
public record RunSettings(Duration timeLimit, Map<String, String> parameters) {

  /** Names the default time limit of a hidden test. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

  /** Creates settings; the map is copied. */
  public RunSettings {
    parameters = Map.copyOf(parameters);
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("The time limit must be positive");
    }
  }

  /** Returns the default settings: a 5 s limit per test, no extra parameters. */
  public static RunSettings defaults() {
    return new RunSettings(DEFAULT_TIME_LIMIT, Map.of());
  }
}
