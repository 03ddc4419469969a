package dev.awskit.grader.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Reports progress of a run of hidden tests, as plain data that can cross a process boundary.
 *
 * <p>A run emits {@link TestStarted} and then {@link TestFinished} for each hidden test it runs,
 * identified by {@link HiddenTest#id()}; a run that watches the submission's output (a worker
 * JVM) emits {@link TestPrinted} between the two when the test printed anything. A test that started but never finished is the one that
 * was running when a run broke down. Write events with {@code
 * objectMapper.writerFor(TestEvent.class)}, so that the type id is written, one JSON line each.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TestEvent.TestStarted.class, name = "started"),
  @JsonSubTypes.Type(value = TestEvent.TestFinished.class, name = "finished"),
  @JsonSubTypes.Type(value = TestEvent.TestPrinted.class, name = "printed")
})
public sealed interface TestEvent {

  /** Returns the identifier of the hidden test. */
  String testId();

  /** Reports that a hidden test started. */
  record TestStarted(String testId) implements TestEvent {}

  /** Reports how a hidden test ended and how long it took. */
  record TestFinished(String testId, TestOutcome outcome, long durationMillis)
      implements TestEvent {}

  /**
   * Reports what the submission printed while a hidden test ran, for the instructor.
   *
   * @param testId the test
   * @param text the beginning of what was printed, standard output and error mixed in order,
   *     decoded as UTF-8
   * @param bytes how many bytes were printed in all, kept or not
   */
  record TestPrinted(String testId, String text, long bytes) implements TestEvent {}
}
