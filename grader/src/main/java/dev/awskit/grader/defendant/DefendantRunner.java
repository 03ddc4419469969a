package dev.awskit.grader.defendant;

import dev.awskit.grader.engine.HiddenTestLauncher;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.TestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Runs the hidden tests in this JVM, the judge, against a submission whose code runs in a
 * defendant JVM of its own: the submission's code never shares a JVM with JUnit, the tests or the
 * doubles, so it cannot change how they judge it.
 */
public final class DefendantRunner implements SubmissionRunner {

  private final DefendantStarter starter;

  /** Creates a runner that starts each submission's defendant with {@code starter}. */
  public DefendantRunner(DefendantStarter starter) {
    this.starter = starter;
  }

  @Override
  public void run(RunRequest request, Consumer<TestEvent> events) {
    if (request.testClasses().isEmpty()) {
      return;
    }
    HiddenTestLauncher.warmUp(request.warmUpTypes());
    try (Defendant defendant = Defendant.startedBy(() -> channel(starter.start()));
        HiddenTestLauncher launcher = new HiddenTestLauncher(System::nanoTime)) {
      defendant.start();
      launcher.hostSubmissions(defendant);
      launcher.run(
          request,
          Set.of(),
          true,
          CancellationToken.disabled(),
          new TestExecutionListener() {},
          events);
    }
  }

  private static Defendant.Channel channel(Process process) {
    drain(process.getErrorStream());
    return new Defendant.Channel(
        process.getInputStream(),
        process.getOutputStream(),
        () -> end(process),
        java.util.Optional::empty);
  }

  private static void end(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads what the submission printed, so that a full pipe never stops it; nothing is kept yet. */
  private static Thread drain(InputStream printed) {
    Thread reader =
        new Thread(
            () -> {
              try (printed) {
                printed.transferTo(java.io.OutputStream.nullOutputStream());
              } catch (IOException ended) {
                // The process ended.
              }
            },
            "awskit-defendant-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
