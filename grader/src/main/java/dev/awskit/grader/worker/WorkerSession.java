package dev.awskit.grader.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.awskit.grader.engine.HiddenTestLauncher;
import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.hidden.TestWatch;
import dev.awskit.grader.hidden.TimeLimitExtension;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Runs jobs inside a worker JVM and reports on the grader's channel: the hidden tests of one
 * submission's questions per job, in one JUnit launch, with what each test printed, and whether the
 * JVM is still clean after each question.
 *
 * <p>A job's launch runs on a thread kept for one submission, and the tests' methods run inline on
 * it ({@link TestWatch}), while the worker's main thread watches their time limits: a method past
 * its limit is interrupted, and one that does not return then is given up with its thread, the
 * test reported as past its limit and the worker as unclean.
 *
 * <p>The launch stops at the end of each question: the worker compares the {@link JvmState} with
 * the one it captured before the first test, and how much of the heap the last collection left in
 * use, and reports the question done, clean or not. After a clean question it waits for the
 * grader's token on its input and confirms it before the next question's first test; after an
 * unclean one it stops the launch, so the grader runs the rest in a fresh JVM. After every test it
 * looks for threads the test left running; if there are any, it stops the launch before its next
 * test and reports itself unclean.
 */
final class WorkerSession {

  private static final Duration THREAD_GRACE = Duration.ofMillis(250);

  /** Names the thread that runs a submission's launches, and their methods. */
  private static final String LAUNCH_THREAD_NAME = "awskit-launch";

  /** How often the main thread looks at the method running while a launch goes on. */
  private static final Duration WATCH_EVERY = Duration.ofMillis(20);

  private final Frames frames;
  private final PrintStream channel;
  private final CapturedOutput captured;
  private final HiddenTestLauncher launcher;
  private final Input input;
  private final ThreadCensus census = new ThreadCensus(THREAD_GRACE, System::nanoTime);
  private final TestWatch watch = new TestWatch(THREAD_GRACE, System::nanoTime);
  /** Guards what a launch reports against the main thread giving the launch up meanwhile. */
  private final Object reporting = new Object();
  private JvmState initialState;
  /** Runs the launches of one submission, which the parameter of its thread scope names. */
  private ExecutorService launches;
  private String launchScope;
  /** The test running in the launch, and since when; null between tests. */
  private String running;
  private long runningSince;

  /**
   * Creates a session that reports on {@code channel}, loads the hidden tests with {@code
   * testClasses} and reads the grader's tokens from {@code input}.
   */
  WorkerSession(
      Frames frames,
      PrintStream channel,
      CapturedOutput captured,
      ClassLoader testClasses,
      Input input) {
    this.frames = frames;
    this.channel = channel;
    this.captured = captured;
    this.input = input;
    this.launcher = new HiddenTestLauncher(System::nanoTime, testClasses);
    launcher.watchInline(watch);
  }

  /** Reads the grader's input, the worker's standard input. */
  @FunctionalInterface
  interface Input {
    /** Returns the next line, or null once the input has ended. */
    String nextLine() throws IOException;
  }

  /** Tells the grader that the worker is listening. */
  void ready() {
    send(new WorkerMessage.Ready());
  }

  /**
   * Runs the job on one line of input and reports it; returns whether the worker can take another.
   */
  boolean run(String line) throws JsonProcessingException {
    WorkerJob job = frames.readJob(line);
    if (job.rehearsal() && initialState == null) {
      return rehearse(job);
    }
    if (initialState == null) {
      HiddenTestLauncher.warmUp(job.request().warmUpTypes());
      initialState = JvmState.capture();
    }
    if (job.request().testClasses().isEmpty()) {
      send(new WorkerMessage.Done(true, ""));
      return true;
    }
    ExecutorService launch = launchThreadFor(job);
    Set<Thread> before = ThreadCensus.alive();
    CancellationToken cancellation = CancellationToken.create();
    List<String> unclean = new ArrayList<>();
    JobQuestions questions =
        new JobQuestions(
            WorkerRunner.byPackage(job.request().testClasses()),
            unclean,
            cancellation,
            reporting,
            this::send,
            this::unfit,
            input);
    Optional<TestWatch.Stuck> stuck =
        watched(
            launch,
            () ->
                launcher.run(
                    job.request(),
                    Set.copyOf(job.skipTests()),
                    false,
                    cancellation,
                    questions,
                    event -> {
                      synchronized (reporting) {
                        if (questions.live()) {
                          report(event, unclean, before, cancellation);
                        }
                      }
                    }));
    if (stuck.isPresent()) {
      giveUp(stuck.get(), unclean, Duration.ofMillis(job.request().timeLimitMillis()));
      return false;
    }
    // Questions whose tests all stayed out of the launch end here, so the grader hears of each.
    questions.endAll();
    if (questions.allConfirmed()) {
      return true;
    }
    if (!unclean.isEmpty()) {
      send(new WorkerMessage.Done(false, unclean.get(0)));
    }
    return false;
  }

  /**
   * Returns why the JVM is no longer fit for more of the submission's questions or another
   * submission; empty when it is.
   */
  private Optional<String> unfit() {
    List<String> changes = initialState.changesIn(JvmState.capture());
    if (!changes.isEmpty()) {
      return Optional.of("The JVM is not as it was: " + String.join("; ", changes));
    }
    long retained = heapRetainedAfterCollection();
    if (retained > Runtime.getRuntime().maxMemory() / 2) {
      // What earlier submissions left could make the next one run out of memory, and be blamed.
      return Optional.of("The heap holds " + retained / (1024 * 1024) + " MB after a collection");
    }
    return Optional.empty();
  }

  /**
   * Sends what a launch reports while the job goes on; what JUnit reports after the job was
   * stopped or given up (skipped tests) is not news.
   */
  private void report(
      TestEvent event, List<String> unclean, Set<Thread> before, CancellationToken cancellation) {
    if (event instanceof TestEvent.TestStarted started) {
      running = started.testId();
      runningSince = System.nanoTime();
      captured.begin();
      send(new WorkerMessage.Event(event));
    } else if (event instanceof TestEvent.TestFinished finished) {
      running = null;
      CapturedOutput.Printed printed = captured.end();
      if (printed.bytes() > 0) {
        send(
            new WorkerMessage.Event(
                new TestEvent.TestPrinted(
                    finished.testId(), printed.text(), printed.bytes())));
      }
      send(new WorkerMessage.Event(finished));
      List<String> left = census.leftSince(before);
      if (!left.isEmpty()) {
        unclean.add(
            "The test "
                + finished.testId()
                + " left threads running: "
                + String.join(", ", left));
        cancellation.cancel();
      }
    } else {
      send(new WorkerMessage.Event(event));
    }
  }

  /**
   * Reports the test whose method is stuck as past its time limit, and the worker as unclean, and
   * silences the launch, which keeps its thread: the grader replaces this worker.
   */
  private void giveUp(TestWatch.Stuck stuck, List<String> unclean, Duration limit) {
    stuck.thread().setName(TimeLimitExtension.ABANDONED_THREAD_PREFIX + "launch");
    synchronized (reporting) {
      String test = running;
      unclean.add(
          (test == null ? "A method run around the tests" : "The test " + test)
              + " ran past its time limit and did not stop: its thread was given up");
      if (test != null) {
        CapturedOutput.Printed printed = captured.end();
        if (printed.bytes() > 0) {
          send(
              new WorkerMessage.Event(
                  new TestEvent.TestPrinted(test, printed.text(), printed.bytes())));
        }
        long millis = (System.nanoTime() - runningSince) / 1_000_000;
        send(
            new WorkerMessage.Event(
                new TestEvent.TestFinished(
                    test, HiddenTestLauncher.outcomeOf(stuck.failure(), limit), millis)));
      }
      send(new WorkerMessage.Done(false, unclean.get(0)));
    }
  }

  /**
   * Runs {@code launch} on {@code thread} and watches its methods' time limits until it ends;
   * returns the method that got stuck, if one did.
   */
  private Optional<TestWatch.Stuck> watched(ExecutorService thread, Runnable launch) {
    Future<?> done = thread.submit(launch);
    while (true) {
      try {
        done.get(WATCH_EVERY.toNanos(), TimeUnit.NANOSECONDS);
        return Optional.empty();
      } catch (TimeoutException stillRunning) {
        Optional<TestWatch.Stuck> stuck = watch.check();
        if (stuck.isPresent()) {
          return stuck;
        }
      } catch (ExecutionException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof RuntimeException unchecked) {
          throw unchecked;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException("The launch failed", cause);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while a launch ran", interrupted);
      }
    }
  }

  /**
   * Returns the thread that runs the launches of the job's submission, ending the one kept for an
   * earlier submission: a submission's launches share a thread, whose state Mockito and the SDK
   * warm once, and never a thread with another submission.
   */
  private ExecutorService launchThreadFor(WorkerJob job) {
    String scope =
        job.request().parameters().getOrDefault(TimeLimitExtension.THREAD_SCOPE_PARAMETER, "");
    if (launches == null || !scope.equals(launchScope)) {
      if (launches != null) {
        launches.shutdown();
      }
      launches =
          Executors.newSingleThreadExecutor(
              work -> {
                Thread thread = new Thread(work, LAUNCH_THREAD_NAME);
                thread.setDaemon(true);
                return thread;
              });
      launchScope = scope;
    }
    return launches;
  }

  /**
   * Runs the tests of a rehearsal with no submission, keeping nothing of what they report, then
   * captures the state later jobs must leave as it is; clean unless a test left threads running.
   * A worker for one submission only loads the types the tests mock: running the tests ahead paid
   * off over the submissions of a reused worker, never in one submission.
   */
  private boolean rehearse(WorkerJob job) {
    HiddenTestLauncher.warmUp(job.request().warmUpTypes());
    if (job.request().freshWorker()) {
      initialState = JvmState.capture();
      send(new WorkerMessage.Done(true, ""));
      return true;
    }
    ExecutorService launch = launchThreadFor(job);
    Set<Thread> before = ThreadCensus.alive();
    Optional<TestWatch.Stuck> stuck =
        watched(
            launch,
            () ->
                launcher.run(
                    job.request(),
                    Set.of(),
                    true,
                    CancellationToken.create(),
                    new TestExecutionListener() {},
                    event -> {}));
    if (stuck.isPresent()) {
      send(
          new WorkerMessage.Done(
              false,
              "The rehearsal left threads running: a test ran past its time limit and did not"
                  + " stop"));
      return false;
    }
    List<String> left = census.leftSince(before);
    initialState = JvmState.capture();
    boolean clean = left.isEmpty();
    send(new WorkerMessage.Done(clean, clean ? "" : "The rehearsal left threads running: " + left));
    return clean;
  }

  /** Returns how much of the heap the last collection of each heap pool left in use, in bytes. */
  private static long heapRetainedAfterCollection() {
    long retained = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterCollection = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterCollection != null) {
        retained += afterCollection.getUsed();
      }
    }
    return retained;
  }

  private void send(WorkerMessage message) {
    String frame = frames.frame(message);
    synchronized (channel) {
      // A line end first: whatever the submission wrote to the raw descriptor ends there.
      channel.print("\n" + frame + "\n");
      channel.flush();
    }
  }
}
