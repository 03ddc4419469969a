package dev.awskit.grader.worker;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.awskit.grader.engine.TestEvent;
import java.util.List;

/**
 * Tells the grader what a worker JVM is doing, as plain data sent as one framed JSON line each (see
 * {@link Frames}).
 *
 * <p>A worker sends {@link Ready} once, then for every {@link WorkerJob} it is given: {@link
 * Planned}, an {@link Event} for each test event, an {@link Invoked} each time a run of a test
 * begins, and {@link Done}; and {@link Synced} when the grader asks it to confirm that its own
 * loop still holds the channel.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "message")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WorkerMessage.Ready.class, name = "ready"),
  @JsonSubTypes.Type(value = WorkerMessage.Planned.class, name = "planned"),
  @JsonSubTypes.Type(value = WorkerMessage.Event.class, name = "event"),
  @JsonSubTypes.Type(value = WorkerMessage.Invoked.class, name = "invoked"),
  @JsonSubTypes.Type(value = WorkerMessage.Done.class, name = "done"),
  @JsonSubTypes.Type(value = WorkerMessage.Synced.class, name = "synced")
})
sealed interface WorkerMessage {

  /** Reports that the worker replaced its output streams and reads jobs. */
  record Ready() implements WorkerMessage {}

  /**
   * Lists the tests a job is about to run, before the first of them starts.
   *
   * @param testIds the tests' identifiers, in the order they will run
   */
  record Planned(List<String> testIds) implements WorkerMessage {
    /** Copies the list. */
    public Planned {
      testIds = List.copyOf(testIds);
    }
  }

  /** Carries one event of a hidden test. */
  record Event(TestEvent event) implements WorkerMessage {}

  /**
   * Reports that one run of a test began: the test itself, or one case of a parameterized test,
   * each of which has the whole time limit; the grader's watchdog starts counting again.
   *
   * @param testId the test the run belongs to
   */
  record Invoked(String testId) implements WorkerMessage {}

  /**
   * Reports that a job ended.
   *
   * @param clean whether the worker can take another job: false when a test left threads running
   *     (the job then stopped before its next test), so the grader must replace the worker
   * @param reason why the worker is not clean, for the instructor; empty when clean
   */
  record Done(boolean clean, String reason) implements WorkerMessage {}

  /**
   * Confirms a token the grader just sent: the worker's own loop read it, after the job's end, so
   * no frame between the two came from anywhere else.
   *
   * @param token the token the grader sent
   */
  record Synced(String token) implements WorkerMessage {}
}
