package dev.awskit.grader.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Holds how hidden tests run: their time limit, extra configuration they read, whether the
 * submission is vetted before it runs, and whether it needs a worker JVM no other submission ran
 * in.
 *
 * @param timeLimit the time limit of every hidden test
 * @param parameters JUnit configuration parameters handed to the hidden tests
 * @param staticVetting whether the compiled submission is checked against the vetting rules
 *     before any of it runs (always, except in the grader's own proofs of the worker's run-time
 *     defences, which must see hostile code actually run)
 * @param freshWorker whether the submission's tests run in a worker JVM of their own, never one
 *     that graded another submission (see {@link RunRequest#freshWorker()})
 */
public record RunSettings(
    Duration timeLimit, Map<String, String> parameters, boolean staticVetting, boolean freshWorker) {

  /** Names the default time limit of a hidden test. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

  /** Creates settings; the map is copied. */
  public RunSettings {
    parameters = Map.copyOf(parameters);
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("The time limit must be positive");
    }
  }

  /** Creates settings that vet the submission before it runs, in a worker that may be reused. */
  public RunSettings(Duration timeLimit, Map<String, String> parameters) {
    this(timeLimit, parameters, true, false);
  }

  /** Returns the default settings: a 5 s limit per test, no extra parameters, vetting on. */
  public static RunSettings defaults() {
    return new RunSettings(DEFAULT_TIME_LIMIT, Map.of());
  }

  /**
   * Returns these settings with the static vetting switched off, so that hostile code reaches
   * the worker JVM; only for proving the worker's own defences, never for grading students.
   */
  public RunSettings withoutStaticVetting() {
    return new RunSettings(timeLimit, parameters, false, freshWorker);
  }

  /** Returns these settings asking for a worker JVM that no other submission ran in. */
  public RunSettings withFreshWorker() {
    return new RunSettings(timeLimit, parameters, staticVetting, true);
  }
}
