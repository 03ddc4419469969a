package dev.awskit.grader.worker;

import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.TestEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs hidden tests in worker JVMs: separate processes with a heap cap, a sandbox folder as their
 * working folder and temporary folder, an environment without credentials, and a watchdog here in
 * the grader, so that the grader itself never loads a class of the submission.
 *
 * <p>One worker serves a whole submission, one question (the test classes of one package) at a
 * time, each question in a class loader of its own. A worker is replaced:
 *
 * <ul>
 *   <li>when a test leaves threads running (a time-out in code that cannot be stopped, a thread of
 *       its own): the worker stops before its next test, and the rest of the question runs in a new
 *       worker;
 *   <li>when the worker ends during a test ({@code System.exit}, {@code Runtime.halt}, running out
 *       of memory, a crash) or stops responding past the test's time limit and a grace: that test
 *       fails with a plain explanation, and the rest of its question runs in a new worker.
 * </ul>
 *
 * <p>A worker lost between two tests, after one of them ended, costs no test. After {@link
 * WorkerSettings#restartsPerQuestion()} other replacements in one question, its remaining tests are
 * not run, which bounds the time one question can cost; the other questions never pay for it.
 *
 * <p>A worker that comes out of a submission clean serves the next one, of whichever grader asks
 * first, up to {@link WorkerSettings#submissionsPerWorker()} submissions: starting a JVM and
 * loading the SDK, Mockito and JUnit costs more than grading most submissions. Clean means: every
 * question's job ran to its end, no test left threads running, the JVM-wide state the worker
 * watches ({@link JvmState}) is as it was before the first submission, at most half its heap is
 * held after a collection, and its sandbox folders could be emptied. Each submission's classes are
 * loaded by class loaders of their own, so no class, static field or object of one submission is
 * reachable from the next. A worker that is not clean, or has served its share, is ended; so is
 * every worker of a run that asks for a {@linkplain RunRequest#freshWorker() fresh} one.
 *
 * <p>One runner can serve several graders on several threads at once (a batch does), running the
 * tests of at most {@link WorkerSettings#maxWorkers()} submissions at a time; the others wait for
 * their turn. {@link #prepare} starts a worker ahead, while the grader compiles, when no idle worker
 * waits for the runs to come and the cap leaves room; {@link #close} ends the idle workers.
 */
public final class WorkerRunner implements SubmissionRunner, AutoCloseable {

  private final WorkerSettings settings;
  private final LongSupplier nanoTime;
  private final String mainClass;
  private final SecureRandom random = new SecureRandom();
  private final Queue<Idle> idle = new ConcurrentLinkedQueue<>();
  private final int maxStartedAhead = Runtime.getRuntime().availableProcessors();
  private final AtomicInteger awaitedRuns = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final Semaphore turns;
  private IsolationChoice choice = IsolationChoice.AUTO;
  private Confinement confinement;

  /** Creates a runner whose workers have the given limits. */
  public WorkerRunner(WorkerSettings settings) {
    this(settings, System::nanoTime, WorkerMain.class.getName());
  }

  /**
   * Creates a runner that measures its deadlines with {@code nanoTime} and starts its workers with
   * {@code mainClass} (the grader's own tests start stand-ins that misbehave on cue).
   */
  WorkerRunner(WorkerSettings settings, LongSupplier nanoTime, String mainClass) {
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.mainClass = mainClass;
    this.turns = new Semaphore(settings.maxWorkers(), true);
  }

  /** Returns a runner with the {@linkplain WorkerSettings#defaults() default} limits. */
  public static WorkerRunner withDefaults() {
    return new WorkerRunner(WorkerSettings.defaults());
  }

  /**
   * Starts a worker JVM that prepares the mocks of {@code warmUpTypes} while the grader compiles
   * and vets, unless enough idle workers wait already for the runs announced so far, or, for a
   * run that may reuse a worker, the cap on workers leaves no room; a later {@link #run} takes it
   * instead of starting its own.
   */
  @Override
  public void prepare(List<String> warmUpTypes, boolean freshWorker) {
    int awaited = awaitedRuns.incrementAndGet();
    int running = settings.maxWorkers() - turns.availablePermits();
    boolean room = freshWorker || idle.size() + running < settings.maxWorkers();
    if (idle.size() < Math.min(awaited, maxStartedAhead) && room) {
      WorkerProcess worker = launch();
      worker.send(warmUpJob(warmUpTypes));
      idle.add(new Idle(worker, true, 0));
    }
  }

  /**
   * Sets the isolation the workers must have; to be called before the first worker starts.
   *
   * @throws IllegalStateException when workers have started already
   */
  public synchronized void isolate(IsolationChoice isolation) {
    if (started.get() > 0 && isolation != choice) {
      throw new IllegalStateException("The isolation of started workers cannot change");
    }
    if (isolation != choice) {
      choice = isolation;
      confinement = null;
    }
  }

  /**
   * Returns the isolation of this runner's workers, probing the machine on the first call.
   *
   * @throws IsolationUnavailableException when the chosen isolation cannot be had here
   */
  @Override
  public Isolation isolation() {
    return confinement().isolation();
  }

  private synchronized Confinement confinement() {
    if (confinement == null) {
      confinement =
          Confinements.forThisMachine()
              .choose(choice, new WorkerProbe(settings, WorkerMain.class.getName())::failure);
    }
    return confinement;
  }

  /** Ends the idle workers. */
  @Override
  public void close() {
    Idle waiting;
    while ((waiting = idle.poll()) != null) {
      waiting.worker().stop(false);
    }
    awaitedRuns.set(0);
    synchronized (this) {
      if (confinement != null) {
        confinement.close();
      }
    }
  }

  /** Returns how many worker JVMs this runner has started so far. */
  public int workersStarted() {
    return started.get();
  }

  /** Returns how many workers wait for a run now. */
  int idleWorkers() {
    return idle.size();
  }

  @Override
  public void run(RunRequest request, Consumer<TestEvent> events) {
    awaitedRuns.getAndUpdate(awaited -> Math.max(0, awaited - 1));
    if (request.testClasses().isEmpty()) {
      return;
    }
    // The cap on workers is there so that fewer of them warm up; a fresh worker is cold anyway.
    boolean capped = !request.freshWorker();
    try {
      if (capped) {
        turns.acquire();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return;
    }
    try (Run run = new Run(request, events)) {
      for (List<String> question : byPackage(request.testClasses())) {
        run.question(question);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      if (capped) {
        turns.release();
      }
    }
  }

  /** Groups test classes by package, keeping their order: one group per question. */
  static List<List<String>> byPackage(List<String> testClasses) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String name : testClasses) {
      String packageName = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
      groups.computeIfAbsent(packageName, key -> new ArrayList<>()).add(name);
    }
    return List.copyOf(groups.values());
  }

  /** Runs the questions of one request, replacing the worker when needed. */
  private final class Run implements AutoCloseable {

    private final RunRequest request;
    private final Consumer<TestEvent> events;
    private final long testDeadline;
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

    Run(RunRequest request, Consumer<TestEvent> events) {
      this.request = request;
      this.events = events;
      this.testDeadline =
          Duration.ofMillis(request.timeLimitMillis()).plus(settings.grace()).toNanos();
    }

    /**
     * Runs the tests of one question's classes to the end, whatever the submission does, and hands
     * on their events only once the worker's frames for the question proved regular: a question
     * whose frames did not is run again, once, in a new worker, and its tests are not run a third
     * time but reported as untrusted.
     */
    void question(List<String> testClasses) throws InterruptedException {
      List<TestEvent> kept = new ArrayList<>();
      Optional<String> untrusted = attempts(testClasses, kept);
      if (untrusted.isPresent()) {
        Set<String> planned = new LinkedHashSet<>(lastPlan);
        kept.clear();
        untrusted = attempts(testClasses, kept);
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
        RunRequest job =
            new RunRequest(
                classRoots(),
                testClasses,
                request.timeLimitMillis(),
                request.parameters(),
                request.warmUpTypes(),
                request.freshWorker());
        worker.send(new WorkerJob(job, List.copyOf(finished)));
        JobTranscript transcript = new JobTranscript(finished);
        Attempt attempt = attempt(transcript, planned, finished, kept);
        lastPlan = List.copyOf(planned);
        if (attempt == Attempt.UNTRUSTED) {
          return Optional.of(irregularity);
        }
        if (attempt == Attempt.COMPLETE) {
          betweenJobs = true;
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

    /**
     * Returns where the current worker finds the submission's classes: where the grader compiled
     * them, or, for a worker that sees only its sandbox, copies in it made once per worker.
     */
    private List<String> classRoots() {
      if (!confinement().copiesClasses()) {
        return request.classRoots();
      }
      if (copiedRoots == null) {
        copiedRoots = worker.sandbox().receiveClasses(request.classRoots());
      }
      return copiedRoots;
    }

    /**
     * Follows one job in the current worker until it is done or the worker is gone, checking each
     * frame against the run; after the job's end, asks the worker to confirm a new token, so that
     * a worker whose channel something else holds is found out before its results count.
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
            token = newNonce();
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
      Idle waiting;
      while ((waiting = pollIdle(request.freshWorker())) != null) {
        if (waiting.warmingUp() ? warmedUp(waiting.worker()) : waiting.worker().isAlive()) {
          take(waiting.worker(), waiting.served());
          return;
        }
        waiting.worker().stop(false);
      }
      WorkerProcess fresh = launch();
      fresh.send(warmUpJob(request.warmUpTypes()));
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
      // No cap on the idle workers here: each run hands back at most one, so there are never
      // more than the runs that were under way at once.
      boolean reusable =
          betweenJobs
              && !request.freshWorker()
              && served + 1 < settings.submissionsPerWorker()
              && worker.aloneAlive()
              && worker.clearSandbox();
      if (reusable) {
        idle.add(new Idle(worker, false, served + 1));
      } else {
        worker.stop(true);
      }
      worker = null;
    }
  }

  /**
   * Takes an idle worker: any, or, for a run that asks for a fresh worker, one that has graded no
   * submission yet (one started ahead by {@link #prepare}).
   */
  private Idle pollIdle(boolean fresh) {
    if (!fresh) {
      return idle.poll();
    }
    for (Idle waiting : idle) {
      if (waiting.served() == 0 && idle.remove(waiting)) {
        return waiting;
      }
    }
    return null;
  }

  /**
   * Holds a worker that waits for a run.
   *
   * @param worker the worker
   * @param warmingUp whether its warm-up job may still be running
   * @param served how many submissions it has graded
   */
  private record Idle(WorkerProcess worker, boolean warmingUp, int served) {}

  /** Starts a confined worker JVM in a new sandbox folder, with a new nonce. */
  private WorkerProcess launch() {
    Confinement confining = confinement();
    started.incrementAndGet();
    Sandbox sandbox = Sandbox.create();
    String nonce = newNonce();
    ConfinedWorker confined;
    try {
      confined =
          confining.confine(
              sandbox,
              WorkerCommand.command(settings, sandbox, mainClass),
              WorkerCommand.environment(sandbox),
              WorkerCommand.classPathEntries());
    } catch (RuntimeException unpreparable) {
      sandbox.delete();
      throw unpreparable;
    }
    return WorkerProcess.start(confined, sandbox, nonce);
  }

  /** Returns 24 random bytes in hex, for a worker's nonce or a confirmation token. */
  private String newNonce() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Returns a job without tests: the worker only prepares the mocks of {@code types}. */
  private static WorkerJob warmUpJob(List<String> types) {
    return new WorkerJob(new RunRequest(List.of(), List.of(), 1, Map.of(), types), List.of());
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
