package dev.awskit.grader.scoring;

import dev.awskit.grader.engine.TestOutcome;

/**
 * Scores one hidden test.
 *
 * @param id the test's identifier, {@code className#methodName}
 * @param name what the test checks, in plain words
 * @param weight the test's weight within its question
 * @param score the points it earned: {@code maxScore} if it passed, else 0
 * @param maxScore its share of the question's maximum
 * @param visibility when students see it
 * @param outcome how it ended
 * @param durationMillis how long it ran
 * @param output what the submission printed during the test, for the instructor (see {@link
 *     dev.awskit.grader.engine.TestResult#output()}); empty when nothing
 */
public record TestScore(
    String id,
    String name,
    double weight,
    double score,
    double maxScore,
    Visibility visibility,
    TestOutcome outcome,
    long durationMillis,
    String output) {

  /** Creates the score of a test that printed nothing. */
  public TestScore(
      String id,
      String name,
      double weight,
      double score,
      double maxScore,
      Visibility visibility,
      TestOutcome outcome,
      long durationMillis) {
    this(id, name, weight, score, maxScore, visibility, outcome, durationMillis, "");
  }

  /** Returns true if the test passed. */
  public boolean passed() {
    return outcome.passed();
  }

  /** Returns the test method's name. */
  public String methodName() {
    return id.substring(id.indexOf('#') + 1);
  }

  /** Returns the test class's binary name. */
  public String className() {
    return id.substring(0, id.indexOf('#'));
  }
}
