package dev.awskit.grader.worker;

import dev.awskit.grader.engine.TestEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a worker's frames for one job follow the run the grader asked for: one plan before
 * any test, then for each planned test at most one start and one finish, only for the test that is
 * running, and nothing after the job's end. A frame that breaks the order was not sent by the
 * worker's own code: something inside the worker wrote it, so nothing that worker says about the
 * job can be trusted.
 */
final class JobTranscript {

  private final Set<String> alreadyRun;
  private final Set<String> planned = new LinkedHashSet<>();
  private final Set<String> started = new LinkedHashSet<>();
  private final Set<String> finished = new LinkedHashSet<>();
  private boolean planReceived;
  private String running;
  private boolean done;

  /** Creates the transcript of a job that skips {@code alreadyRun}, run by an earlier worker. */
  JobTranscript(Set<String> alreadyRun) {
    this.alreadyRun = Set.copyOf(alreadyRun);
  }

  /** Returns why {@code message} breaks the run's order, or empty when it follows it. */
  Optional<String> check(WorkerMessage message) {
    if (done) {
      return irregular("a message came after the job ended");
    }
    if (message instanceof WorkerMessage.Ready) {
      return irregular("the worker announced itself again in the middle of a job");
    }
    if (message instanceof WorkerMessage.Synced) {
      return irregular("a confirmation came that the grader did not ask for");
    }
    if (message instanceof WorkerMessage.Planned plan) {
      if (planReceived || !started.isEmpty()) {
        return irregular("the job's tests were listed twice");
      }
      planReceived = true;
      planned.addAll(plan.testIds());
      return Optional.empty();
    }
    if (message instanceof WorkerMessage.Invoked invoked) {
      return planned.contains(invoked.testId())
              && (running == null || running.equals(invoked.testId()))
          ? Optional.empty()
          : irregular("a run of " + invoked.testId() + " began out of turn");
    }
    if (message instanceof WorkerMessage.Done) {
      if (running != null) {
        return irregular("the job ended while " + running + " was running");
      }
      done = true;
      return Optional.empty();
    }
    if (message instanceof WorkerMessage.Event event) {
      return check(event.event());
    }
    return irregular("an unknown message came");
  }

  private Optional<String> check(TestEvent event) {
    String id = event.testId();
    if (event instanceof TestEvent.TestStarted) {
      if (!planned.contains(id) || alreadyRun.contains(id)) {
        return irregular(id + " started, but the job did not plan it");
      }
      if (running != null || !started.add(id)) {
        return irregular(id + " started twice, or while another test ran");
      }
      running = id;
      return Optional.empty();
    }
    if (!id.equals(running)) {
      return irregular("a result for " + id + " came while it was not running");
    }
    if (event instanceof TestEvent.TestFinished) {
      finished.add(id);
      running = null;
    }
    return Optional.empty();
  }

  /** Returns the tests the job planned, in order. */
  List<String> planned() {
    return List.copyOf(planned);
  }

  private static Optional<String> irregular(String why) {
    return Optional.of(why);
  }
}
