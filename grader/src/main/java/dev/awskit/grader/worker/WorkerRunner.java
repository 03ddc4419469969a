package dev.awskit.grader.worker;

import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.QuestionOrder;
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
 * loading the SDK, Mockito and JUnit costs more than grading most submissions. Clean means: the
 * submission's job ran to its end, no test left threads running, the JVM-wide state the worker
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

  /**
   * Names the JVM options of a worker that may grade more than one submission: it compiles its hot
   * code sooner. A batch of 50 ends before its worker is warm, so what the worker spends compiling
   * early pays back over the submissions that follow; a worker that grades one submission would
   * lose about as much (docs/performance/not-done.md, "The workers' JIT thresholds lowered").
   */
  static final List<String> REUSABLE_WORKER_OPTIONS = List.of("-XX:CompileThresholdScaling=0.3");

  private final WorkerSettings settings;
  private final LongSupplier nanoTime;
  private final String mainClass;
  private final SecureRandom random = new SecureRandom();
  private final Queue<Idle> idle = new ConcurrentLinkedQueue<>();
  private final int maxStartedAhead = Runtime.getRuntime().availableProcessors();
  private final AtomicInteger awaitedRuns = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final Semaphore turns;
  private final List<String> jvmOptions;
  private IsolationChoice choice = IsolationChoice.AUTO;
  private Confinement confinement;
  private List<String> classPath;

  /** Creates a runner whose workers have the given limits. */
  public WorkerRunner(WorkerSettings settings) {
    this(settings, System::nanoTime, WorkerMain.class.getName());
  }

  /**
   * Creates a runner that measures its deadlines with {@code nanoTime} and starts its workers with
   * {@code mainClass} (the grader's own tests start stand-ins that misbehave on cue).
   */
  WorkerRunner(WorkerSettings settings, LongSupplier nanoTime, String mainClass) {
    this(settings, nanoTime, mainClass, List.of());
  }

  private WorkerRunner(
      WorkerSettings settings, LongSupplier nanoTime, String mainClass, List<String> jvmOptions) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.mainClass = mainClass;
    this.turns = new Semaphore(settings.maxWorkers(), true);
  }

  /**
   * Returns a runner whose workers run as the grader's own user at the {@code jvm} level with the
   * further JVM options {@code jvmOptions}: for the kit's own code only, such as the run that
   * records which classes a worker loads ({@link WorkerClassData}).
   */
  static WorkerRunner trusted(WorkerSettings settings, List<String> jvmOptions) {
    WorkerRunner runner =
        new WorkerRunner(settings, System::nanoTime, WorkerMain.class.getName(), jvmOptions);
    runner.isolate(IsolationChoice.JVM);
    return runner;
  }

  /** Returns a runner with the {@linkplain WorkerSettings#defaults() default} limits. */
  public static WorkerRunner withDefaults() {
    return new WorkerRunner(WorkerSettings.defaults());
  }

  /**
   * Starts a worker JVM that prepares the mocks and rehearses the tests of {@code rehearsal} while
   * the grader compiles and vets, unless enough idle workers wait already for the runs announced
   * so far, or, for a run that may reuse a worker, the cap on workers leaves no room; a later
   * {@link #run} takes it instead of starting its own. Two graders announcing runs at once start
   * one worker between them when the cap allows one: a worker being started counts as idle.
   */
  @Override
  public synchronized void prepare(RunRequest rehearsal) {
    int awaited = awaitedRuns.incrementAndGet();
    int running = settings.maxWorkers() - turns.availablePermits();
    boolean room = rehearsal.freshWorker() || idle.size() + running < settings.maxWorkers();
    if (idle.size() < Math.min(awaited, maxStartedAhead) && room) {
      WorkerProcess worker = launch(rehearsal);
      worker.send(new WorkerJob(rehearsal, List.of(), true));
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

  /** Returns the workers' class path, finding it on the first call. */
  private synchronized List<String> classPath() {
    if (classPath == null) {
      classPath = WorkerCommand.classPathEntries();
    }
    return classPath;
  }

  synchronized Confinement confinement() {
    if (confinement == null) {
      confinement =
          Confinements.forThisMachine()
              .choose(
                  choice, new WorkerProbe(settings, WorkerMain.class.getName(), classPath())::failure);
    }
    return confinement;
  }

  @Override
  public int runsAtOnce() {
    return settings.maxWorkers();
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

  /** Returns the limits of this runner's workers. */
  WorkerSettings settings() {
    return settings;
  }

  /** Returns the clock this runner measures its deadlines with. */
  LongSupplier nanoTime() {
    return nanoTime;
  }

  /**
   * Takes back a worker that came out of a submission clean, for the next run. No cap here: each
   * run hands back at most one, so there are never more than the runs that were under way at once.
   */
  void handBack(WorkerProcess worker, int served) {
    idle.add(new Idle(worker, false, served));
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
    try (SubmissionRun run = new SubmissionRun(this, request, events)) {
      List<List<String>> questions = byPackage(request.testClasses());
      for (int index = 0; index < questions.size(); index++) {
        run.question(questions.get(index), questions.subList(index + 1, questions.size()));
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      if (capped) {
        turns.release();
      }
    }
  }

  /**
   * Groups test classes by package, one group per question, keeping their order: the order in
   * which a launch runs them ({@link QuestionOrder}).
   */
  static List<List<String>> byPackage(List<String> testClasses) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String name : testClasses) {
      String packageName = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
      groups.computeIfAbsent(packageName, key -> new ArrayList<>()).add(name);
    }
    return List.copyOf(groups.values());
  }

  /**
   * Takes an idle worker: any, or, for a run that asks for a fresh worker, one that has graded no
   * submission yet (one started ahead by {@link #prepare}).
   */
  Idle pollIdle(boolean fresh) {
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
  record Idle(WorkerProcess worker, boolean warmingUp, int served) {}

  /**
   * Starts a confined worker JVM for {@code request} in a new sandbox folder, with a new nonce.
   */
  WorkerProcess launch(RunRequest request) {
    Confinement confining = confinement();
    started.incrementAndGet();
    Sandbox sandbox = Sandbox.create();
    String nonce = newNonce();
    ConfinedWorker confined =
        WorkerCommand.confined(
            confining, settings, sandbox, mainClass, classPath(), jvmOptionsFor(request));
    return WorkerProcess.start(confined, sandbox, nonce);
  }

  /** Returns the further JVM options of a worker started for {@code request}. */
  List<String> jvmOptionsFor(RunRequest request) {
    if (request.freshWorker()) {
      return jvmOptions;
    }
    List<String> options = new ArrayList<>(jvmOptions);
    options.addAll(REUSABLE_WORKER_OPTIONS);
    return List.copyOf(options);
  }

  /** Returns 24 random bytes in hex, for a worker's nonce or a confirmation token. */
  String newNonce() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Returns a job without tests: the worker only prepares the mocks of {@code types}. */
  static WorkerJob warmUpJob(List<String> types) {
    return new WorkerJob(new RunRequest(List.of(), List.of(), 1, Map.of(), types), List.of());
  }

}
