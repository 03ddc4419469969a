package dev.awskit.grader.scoring;

import com.fasterxml.jackson.annotation.JsonValue;

/** Sums up how a question went. */
public enum QuestionStatus {
  /** Marks a question whose hidden tests all passed. */
  PASSED("passed"),
  /** Marks a question of which some hidden tests passed. */
  PARTIAL("partial"),
  /** Marks a question of which no hidden test passed. */
  FAILED("failed"),
  /** Marks a stub left untouched: every test met "not implemented yet". */
  NOT_IMPLEMENTED("not-implemented"),
  /** Marks a question whose file did not compile, so that its tests did not run. */
  NOT_COMPILED("not-compiled"),
  /** Marks a question whose code the static vetting refused, so that its tests did not run. */
  REFUSED("refused"),
  /** Marks a question that has no hidden tests. */
  NO_TESTS("no-tests");

  private final String key;

  QuestionStatus(String key) {
    this.key = key;
  }

  /** Returns the name reports use. */
  @JsonValue
  public String key() {
    return key;
  }
}
