package dev.awskit.grader.engine;

/**
 * Tells how one hidden test ended against a submission.
 *
 * @param testId the test's {@link HiddenTest#id()}
 * @param outcome how it ended
 * @param durationMillis how long it ran, 0 when it did not run
 * @param output what the submission printed during the test, for the instructor: its beginning,
 *     with a note of how much more was left out; empty when it printed nothing or the runner does
 *     not watch output
 */
public record TestResult(String testId, TestOutcome outcome, long durationMillis, String output) {

  /** Creates a result of a test that printed nothing. */
  public TestResult(String testId, TestOutcome outcome, long durationMillis) {
    this(testId, outcome, durationMillis, "");
  }
}
