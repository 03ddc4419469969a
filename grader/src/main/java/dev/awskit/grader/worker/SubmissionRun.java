package dev.awskit.grader.worker;

import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.hidden.TimeLimitExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs the questions of one submission's request for a {@link WorkerRunner}, one question at a
 * time, replacing the worker when a test crashes, wedges or leaves code running, voiding a
 * question whose worker sent irregular frames, and handing the worker back when it comes out
 * clean. A worker gets one job for the question it starts with and every question after it, and
 * runs them in one launch, stopping after each for the grader's token.
 */
final class SubmissionRun implements AutoCloseable {

  private final WorkerRunner runner;
  private final WorkerSettings settings;
  private final LongSupplier nanoTime;
  private final RunRequest request;
  private final Consumer<TestEvent> events;
  private final long testDeadline;
  /**
   * The hidden tests' parameters for every job of this submission: the request's, and a scope of
   * its own, so that a worker runs all its questions on one kept thread and no other submission's.
   */
  private final Map<String, String> jobParameters;
  private WorkerProcess worker;
  /** Whether the current worker has run no test yet, so its first also loads the libraries. */
  private boolean coldWorker;
  /** How many submissions the current worker served before this one. */
  private int served;
  /** Whether the current worker is between jobs, so that it could serve another submission. */
  private boolean betweenJobs;
  /** The copies of the submission's classes in the current worker's sandbox, once made. */
  private List<String> copiedRoots;
  /** The tests the last attempt at a question planned. */
  private List<String> lastPlan = List.of();
  /** Why the last untrusted attempt was not trusted. */
  private String irregularity = "";
  /** Whether a question runs again because its last run was not trusted. */
  private boolean retrying;
  /** The test classes of the questions after the one running, in order. */
  private List<List<String>> following = List.of();
  /**
   * The questions the current worker's job holds after the one it runs, in order: the worker goes
   * on to the first of them once the grader confirms the end of the last, with no job of its own.
   */
  private List<List<String>> jobAhead = List.of();

  SubmissionRun(WorkerRunner runner, RunRequest request, Consumer<TestEvent> events) {
    this.runner = runner;
    this.settings = runner.settings();
    this.nanoTime = runner.nanoTime();
    this.request = request;
    this.events = events;
    this.testDeadline =
        Duration.ofMillis(request.timeLimitMillis()).plus(settings.grace()).toNanos();
    Map<String, String> parameters = new HashMap<>(request.parameters());
    parameters.put(TimeLimitExtension.THREAD_SCOPE_PARAMETER, UUID.randomUUID().toString());
    this.jobParameters = Map.copyOf(parameters);
  }

  /**
   * Runs the tests of one question's classes to the end, whatever the submission does, and hands
   * on their events only once the worker's frames for the question proved regular: a question
   * whose frames did not is run again, once, in a new worker, and its tests are not run a third
   * time but reported as untrusted.
   *
   * @param testClasses the question's test classes
   * @param next the test classes of each question that follows, in order, which a job sent for
   *     this question holds too; empty for the last question
   */
  void question(List<String> testClasses, List<List<String>> next) throws InterruptedException {
    following = List.copyOf(next);
    List<TestEvent> kept = new ArrayList<>();
    Optional<String> untrusted = attempts(testClasses, kept);
    if (untrusted.isPresent()) {
      Set<String> planned = new LinkedHashSet<>(lastPlan);
      kept.clear();
      retrying = true;
      untrusted = attempts(testClasses, kept);
      retrying = false;
      if (untrusted.isPresent()) {
        kept.clear();
        planned.addAll(lastPlan);
        for (String test : planned) {
          kept.add(new TestEvent.TestFinished(test, Crashes.untrusted(untrusted.get()), 0));
        }
      }
    }
    kept.forEach(events);
  }

  /**
   * Runs one question's tests, in new workers as often as crashes need, keeping their events;
   * returns why the run cannot be trusted, after ending the worker that sent an irregular frame,
   * or empty when every frame was regular.
   */
  private Optional<String> attempts(List<String> testClasses, List<TestEvent> kept)
      throws InterruptedException {
    Set<String> planned = new LinkedHashSet<>();
    Set<String> finished = new LinkedHashSet<>();
    lastPlan = List.of();
    int restarts = 0;
    while (true) {
      if (worker == null) {
        start();
      }
      betweenJobs = false;
      if (finished.isEmpty() && !jobAhead.isEmpty() && jobAhead.get(0).equals(testClasses)) {
        jobAhead = jobAhead.subList(1, jobAhead.size());
      } else {
        List<String> classes = new ArrayList<>(testClasses);
        following.forEach(classes::addAll);
        worker.send(new WorkerJob(job(classes), List.copyOf(finished)));
        jobAhead = following;
      }
      JobTranscript transcript = new JobTranscript(finished);
      Attempt attempt = attempt(transcript, planned, finished, kept);
      lastPlan = List.copyOf(planned);
      if (attempt == Attempt.UNTRUSTED) {
        return Optional.of(irregularity);
      }
      if (attempt == Attempt.COMPLETE) {
        betweenJobs = jobAhead.isEmpty();
        return Optional.empty();
      }
      if (attempt != Attempt.LOST_BETWEEN_TESTS) {
        restarts++;
      }
      if (!planned.isEmpty() && finished.containsAll(planned)) {
        return Optional.empty();
      }
      if (restarts >= settings.restartsPerQuestion()) {
        for (String test : planned) {
          if (finished.add(test)) {
            kept.add(new TestEvent.TestFinished(test, Crashes.givenUp(restarts), 0));
          }
        }
        return Optional.empty();
      }
    }
  }

  private RunRequest job(List<String> testClasses) {
    return new RunRequest(
        classRoots(),
        testClasses,
        request.timeLimitMillis(),
        jobParameters,
        request.warmUpTypes(),
        request.freshWorker());
  }

  /**
   * Returns where the current worker finds the submission's classes: where the grader compiled
   * them, or, for a worker that sees only its sandbox, copies in it made once per worker.
   */
  private List<String> classRoots() {
    if (!runner.confinement().copiesClasses()) {
      return request.classRoots();
    }
    if (copiedRoots == null) {
      copiedRoots = worker.sandbox().receiveClasses(request.classRoots());
    }
    return copiedRoots;
  }

  /**
   * Follows one question of the current worker's job until it is done or the worker is gone,
   * checking each frame against the run; after the question's end, asks the worker to confirm a
   * new token, so that a worker whose channel something else holds is found out before its
   * results count. The worker goes on to the next question of its job only after its answer.
   */
  private Attempt attempt(
      JobTranscript transcript,
      Set<String> planned,
      Set<String> finished,
      List<TestEvent> kept)
      throws InterruptedException {
    String running = null;
    long runningSince = 0;
    boolean progress = false;
    boolean heard = false;
    String token = null;
    long deadline =
        nanoTime.getAsLong() + (coldWorker ? settings.startTimeout().toNanos() : testDeadline);
    while (true) {
      Optional<WorkerProcess.Received> next = worker.next(deadline - nanoTime.getAsLong());
      if (next.isPresent() && next.get() instanceof WorkerProcess.Received.Message message) {
        WorkerMessage received = message.message();
        long now = nanoTime.getAsLong();
        heard = true;
        if (token != null) {
          if (received instanceof WorkerMessage.Synced synced && synced.token().equals(token)) {
            return Attempt.COMPLETE;
          }
          return distrust("a message came between the job's end and the confirmation");
        }
        Optional<String> irregular = transcript.check(received);
        if (irregular.isPresent()) {
          return distrust(irregular.get());
        }
        if (received instanceof WorkerMessage.Invoked invoked) {
          if (invoked.testId().equals(running)) {
            deadline = Math.max(deadline, now + testDeadline);
          }
        } else if (received instanceof WorkerMessage.Planned plan) {
          planned.addAll(plan.testIds());
          deadline = now + (coldWorker ? settings.startTimeout().toNanos() : testDeadline);
        } else if (received instanceof WorkerMessage.Event event) {
          TestEvent testEvent = event.event();
          if (testEvent instanceof TestEvent.TestStarted) {
            running = testEvent.testId();
            runningSince = now;
            // The first test of a fresh worker also loads the classes its question needs.
            deadline = now + testDeadline + (coldWorker ? settings.grace().toNanos() : 0);
            coldWorker = false;
          } else if (testEvent instanceof TestEvent.TestFinished) {
            running = null;
            progress = true;
            finished.add(testEvent.testId());
            deadline = now + testDeadline;
          }
          kept.add(testEvent);
        } else if (received instanceof WorkerMessage.Done done) {
          if (!done.clean()) {
            worker.stop(false);
            worker = null;
            return Attempt.REPLACED;
          }
          token = runner.newNonce();
          worker.sync(token);
          deadline = now + testDeadline;
        }
        continue;
      }
      if (token != null) {
        return distrust("the worker did not confirm the end of the job");
      }
      boolean wedged = next.isEmpty();
      WorkerEnd end = worker.stop(false);
      worker = null;
      if (running != null) {
        long millis = Math.max(0, (nanoTime.getAsLong() - runningSince) / 1_000_000);
        kept.add(
            new TestEvent.TestFinished(
                running,
                Crashes.outcome(
                    wedged,
                    end,
                    Duration.ofMillis(request.timeLimitMillis()),
                    settings.heapMegabytes()),
                millis));
        finished.add(running);
        return Attempt.CRASHED;
      }
      // A worker that served earlier submissions and ended before it took up this job (it was
      // killed while idle, say) ran none of this submission's code.
      boolean lostWhileIdle = !heard && !wedged && served > 0;
      return progress || lostWhileIdle ? Attempt.LOST_BETWEEN_TESTS : Attempt.CRASHED;
    }
  }

  /** Ends the worker that sent an irregular frame, which no later run may use. */
  private Attempt distrust(String why) {
    irregularity = why;
    worker.stop(false);
    worker = null;
    return Attempt.UNTRUSTED;
  }

  /**
   * Takes a worker that has prepared its mocks: an idle one, or a new one.
   *
   * @throws IllegalStateException when no worker starts: the grader's fault (the JVM, the
   *     machine), not the submission's, since none of its code has run in that worker yet
   */
  private void start() throws InterruptedException {
    WorkerRunner.Idle waiting;
    // A question run again because its frames were irregular gets a worker no one used yet.
    while ((waiting = runner.pollIdle(request.freshWorker() || retrying)) != null) {
      if (waiting.warmingUp() ? warmedUp(waiting.worker()) : waiting.worker().isAlive()) {
        take(waiting.worker(), waiting.served());
        return;
      }
      waiting.worker().stop(false);
    }
    WorkerProcess fresh = runner.launch(request);
    fresh.send(WorkerRunner.warmUpJob(request.warmUpTypes()));
    if (warmedUp(fresh)) {
      take(fresh, 0);
      return;
    }
    throw new IllegalStateException(
        "The grader could not start a worker JVM within "
            + settings.startTimeout().toSeconds()
            + " s. "
            + fresh.stop(false));
  }

  private void take(WorkerProcess taken, int servedBefore) {
    worker = taken;
    copiedRoots = null;
    jobAhead = List.of();
    served = servedBefore;
    // The first test in a worker also loads the classes of the tests and the libraries.
    coldWorker = servedBefore == 0;
    betweenJobs = true;
  }

  /**
   * Waits for a worker's warm-up job to end; ends the worker and returns false if it does not.
   */
  private boolean warmedUp(WorkerProcess worker) throws InterruptedException {
    long deadline = nanoTime.getAsLong() + settings.startTimeout().toNanos();
    while (true) {
      Optional<WorkerProcess.Received> next = worker.next(deadline - nanoTime.getAsLong());
      if (next.isPresent()
          && next.get() instanceof WorkerProcess.Received.Message message
          && message.message() instanceof WorkerMessage.Done done
          && done.clean()) {
        return true;
      }
      if (next.isEmpty() || next.get() instanceof WorkerProcess.Received.Ended) {
        worker.stop(false);
        return false;
      }
    }
  }

  /**
   * Hands the worker on to the next submission if it is clean and has not served its share, or
   * ends it.
   */
  @Override
  public void close() {
    if (worker == null) {
      return;
    }
    boolean reusable =
        betweenJobs
            && !request.freshWorker()
            && served + 1 < settings.submissionsPerWorker()
            && worker.aloneAlive()
            && worker.clearSandbox();
    if (reusable) {
      runner.handBack(worker, served + 1);
    } else {
      worker.stop(true);
    }
    worker = null;
  }

/** Tells how a job in one worker ended. */
private enum Attempt {
  /** The job ran to its end and the worker is clean. */
  COMPLETE,
  /** The job stopped early because a test left threads running; the worker was ended. */
  REPLACED,
  /** The worker ended or stopped responding during a test, or before any test ended. */
  CRASHED,
  /** A frame broke the run's order; the worker was ended and the job's results are void. */
  UNTRUSTED,
  /**
   * The worker ended between two tests, after at least one test ended, or a worker reused from
   * an earlier submission ended before it answered: no test is to blame, so the new worker the
   * question needs does not count against it.
   */
  LOST_BETWEEN_TESTS
}
}
