package dev.awskit.conformance;

/**
 * One request shape replayed against an engine and against the grader's double, with both
 * verdicts.
 *
 * @param name what the request does, in a few words
 * @param source the hidden test, faulty case or variant case that sends this shape
 * @param engine the engine's verdict
 * @param ours the double's verdict
 * @param awsSource null when engine and double must agree; otherwise the AWS documentation that
 *     says the engine answers otherwise than AWS and the double answers as AWS does
 */
public record Scenario(
    String name, String source, Verdict engine, Verdict ours, String awsSource) {

  /** Returns a scenario on which the engine and the double must agree. */
  public static Scenario agreeing(String name, String source, Verdict engine, Verdict ours) {
    return new Scenario(name, source, engine, ours, null);
  }

  /**
   * Returns whether the verdicts are as this scenario says: the same, or apart where the AWS
   * documentation says the engine is wrong (a stale entry, where the engine was fixed, fails).
   */
  public boolean holds() {
    return awsSource == null ? engine.sameAs(ours) : !engine.sameAs(ours);
  }

  /** Returns the table row of this scenario in docs/engine-conformance.md. */
  String row() {
    String agreement = awsSource == null ? "same" : "engine differs from AWS: " + awsSource;
    return "| " + escape(name) + " | " + escape(source) + " | " + engine + " | " + ours + " | "
        + agreement + " |";
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
