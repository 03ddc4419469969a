package dev.awskit.grader.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.awskit.grader.hidden.SubmissionExtension;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.mockito.Mockito;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Runs hidden tests in this JVM with the JUnit Platform Launcher.
 *
 * <p>The submission's classes are loaded by a class loader of their own (see {@link
 * SubmissionExtension}); every test runs in a thread of its own under the request's time limit.
 * Output the submission prints is captured by the platform and dropped, so it cannot mix with the
 * grader's reports.
 */
final class InProcessRunner implements SubmissionRunner {

  @Override
  public void run(RunRequest request, Consumer<TestEvent> events) {
    if (request.testClasses().isEmpty()) {
      return;
    }
    LauncherDiscoveryRequest discovery =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(request.testClasses().stream().map(name -> selectClass(name)).toList())
            .configurationParameters(configuration(request))
            .configurationParameters(request.parameters())
            .build();
    warmUp(request.warmUpTypes());
    Feedback feedback = new Feedback(Duration.ofMillis(request.timeLimitMillis()));
    Launchers.create().execute(discovery, new OutcomeListener(events, feedback, System::nanoTime));
  }

  /** Mocks each interface once, so that tests later find Mockito's work on it done. */
  private static void warmUp(List<String> types) {
    for (String name : types) {
      try {
        Class<?> type = Class.forName(name, false, InProcessRunner.class.getClassLoader());
        if (type.isInterface()) {
          Mockito.mock(type);
        }
      } catch (ClassNotFoundException | RuntimeException | LinkageError unusable) {
        // Nothing prepared: the first test that mocks it pays the cost instead.
      }
    }
  }

  static java.util.Map<String, String> configuration(RunRequest request) {
    return java.util.Map.of(
        SubmissionExtension.CLASSPATH_PARAMETER,
        String.join(File.pathSeparator, request.classRoots()),
        "junit.jupiter.execution.timeout.default",
        request.timeLimitMillis() + " ms",
        "junit.jupiter.execution.timeout.thread.mode.default",
        "SEPARATE_THREAD",
        "junit.jupiter.execution.timeout.mode",
        "enabled",
        "junit.jupiter.execution.parallel.enabled",
        "false",
        "junit.jupiter.extensions.autodetection.enabled",
        "false",
        "junit.platform.output.capture.stdout",
        "true",
        "junit.platform.output.capture.stderr",
        "true");
  }
}
