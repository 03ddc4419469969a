package dev.awskit.grader.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Tells how one hidden test ended, in words for the student and in detail for the instructor.
 *
 * <p>Outcomes are plain data: they hold no exception, only text, so that they can cross a process
 * boundary (as JSON) when a submission runs in a worker JVM.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TestOutcome.Passed.class, name = "passed"),
  @JsonSubTypes.Type(value = TestOutcome.Failed.class, name = "failed"),
  @JsonSubTypes.Type(value = TestOutcome.Threw.class, name = "threw"),
  @JsonSubTypes.Type(value = TestOutcome.NotImplemented.class, name = "not-implemented"),
  @JsonSubTypes.Type(value = TestOutcome.TimedOut.class, name = "timed-out"),
  @JsonSubTypes.Type(value = TestOutcome.NotRun.class, name = "not-run")
})
public sealed interface TestOutcome {

  /** Returns true if the test passed. */
  @JsonIgnore
  default boolean passed() {
    return this instanceof Passed;
  }

  /** Returns what the student reads about this outcome; empty when the test passed. */
  String feedback();

  /** Returns what the instructor reads: the full trace where there is one. */
  String detail();

  /** Reports a test that passed. */
  record Passed() implements TestOutcome {
    @Override
    public String feedback() {
      return "";
    }

    @Override
    public String detail() {
      return "";
    }
  }

  /** Reports a check of the hidden test that did not hold: its message is the feedback. */
  record Failed(String feedback, String detail) implements TestOutcome {}

  /** Reports an exception that escaped from the submission's code. */
  record Threw(String feedback, String detail) implements TestOutcome {}

  /**
   * Reports a test that met a stub not completed yet: the submission's code threw the exercises'
   * {@code NotImplementedYet}. Its feedback is that exception's message.
   */
  record NotImplemented(String feedback, String detail) implements TestOutcome {}

  /** Reports a test that passed its time limit. */
  record TimedOut(String feedback, String detail) implements TestOutcome {}

  /** Reports a test that never ran, for instance because its question did not compile. */
  record NotRun(String feedback, String detail) implements TestOutcome {}
}
