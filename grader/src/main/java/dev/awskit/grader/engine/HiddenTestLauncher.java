package dev.awskit.grader.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.awskit.grader.hidden.SubmissionExtension;
import dev.awskit.grader.hidden.SubmissionHost;
import dev.awskit.grader.hidden.TestWatch;
import dev.awskit.grader.hidden.TimeLimitExtension;
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
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.mockito.Mockito;

/**
 * Runs hidden tests in the current JVM with the JUnit Platform Launcher and reports them as {@link
 * TestEvent}s: the one place where hidden tests are launched, whether in the grader's own JVM
 * ({@link SubmissionRunner#inProcess()}, for trusted code and the grader's own tests) or in a
 * worker JVM.
 *
 * <p>The submission's classes are loaded by a class loader of their own (see {@link
 * SubmissionExtension}), created for each test class and closed when its tests end, so static
 * state of the submission never reaches another question. Test classes run by question, in the
 * order the request lists the questions ({@link QuestionOrder}), so a launch runs the questions
 * one after another. Every test runs under the request's time limit on a thread
 * the launch keeps ({@link TimeLimitExtension}). All runs share one launcher session, closed with
 * this launcher. Not safe for use by several threads at once.
 */
public final class HiddenTestLauncher implements AutoCloseable {

  private final LongSupplier nanoTime;
  private final ClassLoader testClasses;
  // One session for every run: a new one finds and loads the test engines anew.
  private final LauncherSession session = Launchers.openSession();

  /** Creates a launcher that times tests with {@code nanoTime}. */
  public HiddenTestLauncher(LongSupplier nanoTime) {
    this(nanoTime, HiddenTestLauncher.class.getClassLoader());
  }

  /**
   * Creates a launcher that times tests with {@code nanoTime} and loads the test classes with
   * {@code testClasses} (a confined worker's, which holds them in memory only).
   */
  public HiddenTestLauncher(LongSupplier nanoTime, ClassLoader testClasses) {
    this.nanoTime = nanoTime;
    this.testClasses = testClasses;
  }

  /**
   * Runs the tests of the request's test classes, leaving out those named in {@code skipTests}, and
   * hands every event to {@code events} in order.
   *
   * @param request what to run and against which classes
   * @param skipTests identifiers ({@link HiddenTest#id()}) of tests not to run, for instance those
   *     that already ran in a worker JVM that has since been replaced
   * @param output how to treat what the submission prints: {@code true} lets JUnit capture and drop
   *     it, {@code false} leaves {@code System.out} alone (a worker replaces it itself)
   * @param cancellation stops the launch before its next test when cancelled; the tests it never
   *     started are reported as skipped
   * @param observer is told of the launch's own events, after they became {@link TestEvent}s
   * @param events receives the events
   */
  public void run(
      RunRequest request,
      Set<String> skipTests,
      boolean output,
      CancellationToken cancellation,
      TestExecutionListener observer,
      Consumer<TestEvent> events) {
    if (request.testClasses().isEmpty()) {
      return;
    }
    LauncherDiscoveryRequestBuilder discovery =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                request.testClasses().stream().map(name -> selectClass(testClasses, name)).toList())
            // Only the parameters given here: no search of the class path for a properties file
            // on every launch, and no system property a submission set reaches a later one.
            .enableImplicitConfigurationParameters(false)
            // The policy's parameters first, so that none of them overrides the engine's own.
            .configurationParameters(request.parameters())
            .configurationParameters(configuration(request, output));
    if (!skipTests.isEmpty()) {
      discovery.filters(leavingOut(Set.copyOf(skipTests)));
    }
    LauncherDiscoveryRequest built = discovery.build();
    Feedback feedback = new Feedback(Duration.ofMillis(request.timeLimitMillis()));
    session.getLauncher().execute(
        LauncherExecutionRequestBuilder.executionRequest(built)
            // The observer hears of a node after its events went out, so that what it sends at the
            // end of a class follows them.
            .listeners(new OutcomeListener(events, feedback, nanoTime), observer)
            .cancellationToken(cancellation)
            .build());
  }

  /**
   * Has the later runs of this launcher run the tests' methods on the thread that calls {@link
   * #run}, under {@code watch}, instead of on a thread the launch keeps for them.
   */
  public void watchInline(TestWatch watch) {
    TimeLimitExtension.watchInline(session, watch);
  }

  /**
   * Has the later runs of this launcher build the submission's objects through {@code host}, in a
   * JVM of their own, instead of loading the submission's classes in this one.
   */
  public void hostSubmissions(SubmissionHost host) {
    SubmissionExtension.hostIn(session, host);
  }

  /** Returns the outcome a test gets for {@code thrown}, under the time limit {@code limit}. */
  public static TestOutcome outcomeOf(Throwable thrown, Duration limit) {
    return new Feedback(limit).of(thrown);
  }

  /** Closes the launcher session. */
  @Override
  public void close() {
    session.close();
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

  /** Leaves out the test methods named in {@code ids}; containers left empty are pruned. */
  private static PostDiscoveryFilter leavingOut(Set<String> ids) {
    return descriptor ->
        descriptor
            .getSource()
            .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
            .map(org.junit.platform.engine.support.descriptor.MethodSource.class::cast)
            .map(source -> HiddenTest.idOf(source.getClassName(), source.getMethodName()))
            .map(
                id ->
                    ids.contains(id)
                        ? FilterResult.excluded("ran already")
                        : FilterResult.included("still to run"))
            .orElseGet(() -> FilterResult.included("a container"));
  }

  /** Returns the identifier of the test method a node of a test plan stands for, if any. */
  public static java.util.Optional<String> testIdOf(
      org.junit.platform.launcher.TestIdentifier node) {
    return Catalog.methodSource(node.getSource())
        .map(source -> HiddenTest.idOf(source.getClassName(), source.getMethodName()));
  }

  static Map<String, String> configuration(RunRequest request, boolean captureOutput) {
    return Map.of(
        SubmissionExtension.CLASSPATH_PARAMETER,
        String.join(File.pathSeparator, request.classRoots()),
        TimeLimitExtension.TIME_LIMIT_PARAMETER,
        String.valueOf(request.timeLimitMillis()),
        // The time limit is TimeLimitExtension's: JUnit's would start a thread for every method.
        "junit.jupiter.execution.timeout.mode",
        "disabled",
        "junit.jupiter.execution.parallel.enabled",
        "false",
        "junit.jupiter.extensions.autodetection.enabled",
        "false",
        // A launch of several questions runs them one by one, in the request's order.
        "junit.jupiter.testclass.order.default",
        QuestionOrder.class.getName(),
        QuestionOrder.ORDER_PARAMETER,
        String.join(",", request.testClasses()),
        "junit.platform.output.capture.stdout",
        String.valueOf(captureOutput),
        "junit.platform.output.capture.stderr",
        String.valueOf(captureOutput),
        // Grading always walls the submission's classes off in a loader of their own.
        SubmissionExtension.SHARED_LOADER_PARAMETER,
        "false");
  }
}
