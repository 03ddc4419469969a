package dev.awskit.grader.scoring;

import com.fasterxml.jackson.annotation.JsonValue;

/** Sums up how a question went. */
public enum QuestionStatus {
  /** Every hidden test passed. */
  PASSED("passed"),
  /** Some hidden tests passed. */
  PARTIAL("partial"),
  /** No hidden test passed. */
  FAILED("failed"),
  /** The submission left the stub untouched: every test met "not implemented yet". */
  NOT_IMPLEMENTED("not-implemented"),
  /** The question's file did not compile, so its tests did not run. */
  NOT_COMPILED("not-compiled"),
  /** The question has no hidden tests. */
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
