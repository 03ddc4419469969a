package dev.awskit.grader.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.awskit.grader.hidden.SubmissionExtension;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.mockito.Mockito;

/**
 * Runs hidden tests in the current JVM with the JUnit Platform Launcher and reports them as
 * {@link TestEvent}s: the one place where hidden tests are launched, whether in the grader's own
 * JVM ({@link SubmissionRunner#inProcess()}, for trusted code and the grader's own tests) or in a
 * worker JVM.
 *
 * <p>The submission's classes are loaded by a class loader of their own (see {@link
 * SubmissionExtension}), created for the launch and closed when it ends, so static state of the
 * submission never outlives one launch. Every test runs in a thread of its own under the
 * request's time limit. Not safe for use by several threads at once.
 */
public final class HiddenTestLauncher {

  private final LongSupplier nanoTime;

  /** Creates a launcher that times tests with {@code nanoTime}. */
  public HiddenTestLauncher(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Runs the request's test classes, or only the tests named in {@code onlyTests} when it is not
   * empty, and hands every event to {@code events} in order.
   *
   * @param request what to run and against which classes
   * @param onlyTests identifiers ({@link HiddenTest#id()}) of the tests to run; empty for all the
   *     tests of the request's classes
   * @param output how to hand the submission's printed output to JUnit: {@code true} lets JUnit
   *     capture and drop it, {@code false} leaves {@code System.out} alone (a worker replaces it
   *     itself)
   * @param cancellation stops the launch before its next test when cancelled; the tests it never
   *     started are reported as skipped
   * @param events receives the events
   */
  public void run(
      RunRequest request,
      Set<String> onlyTests,
      boolean output,
      CancellationToken cancellation,
      Consumer<TestEvent> events) {
    if (request.testClasses().isEmpty()) {
      return;
    }
    LauncherDiscoveryRequestBuilder discovery =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(request.testClasses().stream().map(name -> selectClass(name)).toList())
            .configurationParameters(configuration(request, output))
            .configurationParameters(request.parameters());
    if (!onlyTests.isEmpty()) {
      discovery.filters(only(Set.copyOf(onlyTests)));
    }
    LauncherDiscoveryRequest built = discovery.build();
    Feedback feedback = new Feedback(Duration.ofMillis(request.timeLimitMillis()));
    Launchers.create()
        .execute(
            LauncherExecutionRequestBuilder.executionRequest(built)
                .listeners(new OutcomeListener(events, feedback, nanoTime))
                .cancellationToken(cancellation)
                .build());
  }

  /** Mocks each interface once, so that tests later find Mockito's work on it done. */
  public static void warmUp(List<String> types) {
    for (String name : types) {
      try {
        Class<?> type = Class.forName(name, false, HiddenTestLauncher.class.getClassLoader());
        if (type.isInterface()) {
          Mockito.mock(type);
        }
      } catch (ClassNotFoundException | RuntimeException | LinkageError unusable) {
        // Nothing prepared: the first test that mocks it pays the cost instead.
      }
    }
  }

  /** Keeps the test methods named in {@code ids} and every container. */
  private static PostDiscoveryFilter only(Set<String> ids) {
    return descriptor ->
        descriptor
            .getSource()
            .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
            .map(org.junit.platform.engine.support.descriptor.MethodSource.class::cast)
            .map(source -> HiddenTest.idOf(source.getClassName(), source.getMethodName()))
            .map(
                id ->
                    ids.contains(id)
                        ? FilterResult.included("asked for")
                        : FilterResult.excluded("not asked for"))
            .orElseGet(() -> FilterResult.included("a container"));
  }

  static Map<String, String> configuration(RunRequest request, boolean captureOutput) {
    return Map.of(
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
        String.valueOf(captureOutput),
        "junit.platform.output.capture.stderr",
        String.valueOf(captureOutput));
  }
}
