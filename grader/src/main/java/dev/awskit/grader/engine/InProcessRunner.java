package dev.awskit.grader.engine;

import dev.awskit.grader.hidden.SubmissionExtension;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Runs hidden tests in this JVM with the JUnit Platform Launcher: for trusted code (the kit's
 * own reference solution and stubs) and for the grader's own tests, never for a student's
 * submission in production, which runs in a worker JVM.
 *
 * <p>The submission's classes are loaded by a class loader of their own (see {@link
 * SubmissionExtension}); every test runs under the request's time limit on a thread the launch
 * keeps. Output the submission prints is captured by the platform and dropped, so it cannot mix
 * with the grader's reports.
 */
final class InProcessRunner implements SubmissionRunner {

  @Override
  public void run(RunRequest request, Consumer<TestEvent> events) {
    if (request.testClasses().isEmpty()) {
      return;
    }
    HiddenTestLauncher.warmUp(request.warmUpTypes());
    try (HiddenTestLauncher launcher = new HiddenTestLauncher(System::nanoTime)) {
      launcher.run(
          request,
          Set.of(),
          true,
          CancellationToken.disabled(),
          new TestExecutionListener() {},
          events);
    }
  }
}
