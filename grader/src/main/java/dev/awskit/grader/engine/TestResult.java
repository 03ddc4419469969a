package dev.awskit.grader.engine;

/**
 * Tells how one hidden test ended against a submission.
 *
 * @param testId the test's {@link HiddenTest#id()}
 * @param outcome how it ended
 * @param durationMillis how long it ran, 0 when it did not run
 */
public record TestResult(String testId, TestOutcome outcome, long durationMillis) {}
