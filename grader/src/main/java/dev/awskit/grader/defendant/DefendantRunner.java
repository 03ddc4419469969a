package dev.awskit.grader.defendant;

import dev.awskit.grader.engine.HiddenTestLauncher;
import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.TestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Runs the hidden tests in this JVM, the judge, against a submission whose code runs in a
 * defendant JVM of its own: the submission's code never shares a JVM with JUnit, the tests or the
 * doubles, so it cannot change how they judge it.
 */
public final class DefendantRunner implements SubmissionRunner {

  /** How much of the end of a defendant's standard error is kept, to say why it ended. */
  private static final int ERROR_TAIL_CHARS = 4096;

  /**
   * Names how much of this JVM's heap one submission's tests may take: with the grader's
   * recommended 256 MiB, a batch ran 8 submissions' tests at once and ran out of heap at 16
   * (2026-12-06, 05:50 UTC), so 40 MiB a run keeps 6 and a margin.
   */
  static final long HEAP_PER_RUN = 40L * 1024 * 1024;

  private final DefendantStarter starter;
  private final int runsAtOnce;
  private final Semaphore turns;

  /**
   * Creates a runner that starts each submission's defendant with {@code starter}, and runs as
   * many submissions' tests at once as this JVM's heap holds.
   */
  public DefendantRunner(DefendantStarter starter) {
    this(starter, Runtime.getRuntime().maxMemory());
  }

  /** Creates a runner that runs as many submissions' tests at once as {@code heapBytes} holds. */
  DefendantRunner(DefendantStarter starter, long heapBytes) {
    this.starter = starter;
    this.runsAtOnce = (int) Math.max(1, Math.min(Integer.MAX_VALUE, heapBytes / HEAP_PER_RUN));
    this.turns = new Semaphore(runsAtOnce, true);
  }

  /** Returns the isolation of the defendants, where the submission's code runs. */
  @Override
  public Isolation isolation() {
    return starter.isolation();
  }

  /**
   * Returns how many submissions' tests run at once, at most: they run in this JVM, so its heap
   * decides, whatever a batch's jobs say; the others wait for their turn.
   */
  @Override
  public int runsAtOnce() {
    return runsAtOnce;
  }

  @Override
  public void run(RunRequest request, Consumer<TestEvent> events) {
    if (request.testClasses().isEmpty()) {
      return;
    }
    try {
      turns.acquire();
    } catch (InterruptedException cancelled) {
      // The tests never run and are reported as not run, as for a batch that is stopped.
      Thread.currentThread().interrupt();
      return;
    }
    try {
      runInTurn(request, events);
    } finally {
      turns.release();
    }
  }

  private void runInTurn(RunRequest request, Consumer<TestEvent> events) {
    List<String> classRoots = request.classRoots();
    try (Defendant defendant = Defendant.startedBy(
            () -> channel(starter.start(classRoots)), request.warmUpTypes());
        HiddenTestLauncher launcher = new HiddenTestLauncher(System::nanoTime)) {
      defendant.startInBackground();
      // While the defendant's JVM starts.
      HiddenTestLauncher.warmUp(request.warmUpTypes());
      defendant.start();
      launcher.hostSubmissions(defendant);
      launcher.run(
          withSharedFolders(request),
          Set.of(),
          true,
          CancellationToken.disabled(),
          new TestExecutionListener() {},
          event -> report(event, defendant, events));
    }
  }

  /** Passes {@code event} on, after what the submission printed during the test it ends. */
  private static void report(TestEvent event, Defendant defendant, Consumer<TestEvent> events) {
    if (event instanceof TestEvent.TestFinished finished) {
      Defendant.Printed printed = defendant.takePrinted();
      if (printed.bytes() > 0) {
        events.accept(new TestEvent.TestPrinted(finished.testId(), printed.text(), printed.bytes()));
      }
      defendant.readyForNextTest();
    } else if (event instanceof TestEvent.TestStarted) {
      // What an earlier test printed after it ended, or the code around the tests, is nobody's.
      defendant.takePrinted();
    }
    events.accept(event);
  }

  /** Returns {@code request} with the tests' temporary folders where the defendant reaches them. */
  private static RunRequest withSharedFolders(RunRequest request) {
    Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
    parameters.put(TempDir.DEFAULT_FACTORY_PROPERTY_NAME, SharedFolders.class.getName());
    return new RunRequest(
        request.classRoots(),
        request.testClasses(),
        request.timeLimitMillis(),
        parameters,
        request.warmUpTypes(),
        request.freshWorker());
  }

  private static Defendant.Channel channel(DefendantStarter.Started started) {
    ErrorTail tail = new ErrorTail(started.printed());
    return new Defendant.Channel(
        started.fromDefendant(),
        started.toDefendant(),
        started::close,
        tail::whyEnded,
        started.classRoots(),
        started.sharedFolder());
  }

  /**
   * Reads a defendant's standard error, where only the JVM itself writes (the submission's output
   * is kept apart), so that a full pipe never stops it and its last words say why it ended.
   */
  private static final class ErrorTail {
    private final StringBuilder tail = new StringBuilder();
    private final Thread reader;

    ErrorTail(InputStream error) {
      reader = new Thread(() -> read(error), "awskit-defendant-error");
      reader.setDaemon(true);
      reader.start();
    }

    private void read(InputStream error) {
      byte[] buffer = new byte[4096];
      try (error) {
        for (int read = error.read(buffer); read >= 0; read = error.read(buffer)) {
          synchronized (tail) {
            tail.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (tail.length() > ERROR_TAIL_CHARS) {
              tail.delete(0, tail.length() - ERROR_TAIL_CHARS);
            }
          }
        }
      } catch (IOException ended) {
        // The process ended.
      }
    }

    /** Says why the defendant ended, once its channel closed; waits a moment for its last words. */
    Optional<String> whyEnded() {
      try {
        reader.join(TimeUnit.SECONDS.toMillis(1));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      synchronized (tail) {
        if (tail.indexOf("OutOfMemoryError") >= 0) {
          return Optional.of("it ran out of memory");
        }
      }
      return Optional.of("your code ended the Java process, or the sandbox stopped it");
    }
  }
}
