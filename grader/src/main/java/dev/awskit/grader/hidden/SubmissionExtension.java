package dev.awskit.grader.hidden;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;

/**
 * Resolves {@link Submission} parameters of hidden tests.
 *
 * <p>The submission's compiled classes are named by the configuration parameter
 * {@value #CLASSPATH_PARAMETER}: directories or jars separated by the platform's path separator.
 * They are loaded once per test class, in a class loader of their own, and closed when its tests
 * end.
 * Without that parameter (a hidden test started from an IDE, or by a build's own test run) the
 * hidden tests are skipped: they only mean something against a submission.
 */
public final class SubmissionExtension implements ParameterResolver, ExecutionCondition {

  /** Names the configuration parameter that lists the submission's class roots. */
  public static final String CLASSPATH_PARAMETER = "awskit.submission.classpath";

  /**
   * Names the configuration parameter that, set to {@code true}, takes the submission's classes
   * from the grader's own class loader ({@link SubmissionClasses#shared}). Only the mutation
   * analysis of the reference solution sets it; grading never does.
   */
  public static final String SHARED_LOADER_PARAMETER = "awskit.submission.sharedClassLoader";

  /**
   * Names the class loader that defines the submission's classes; stack frames of those classes
   * carry it, which tells the student's code apart from the tests' and the libraries'.
   */
  public static final String CLASS_LOADER_NAME = "submission";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SubmissionExtension.class);

  /**
   * Has every later launch of {@code session} build the submission's objects through {@code host},
   * in a JVM of their own, instead of loading the submission's classes in this one.
   */
  public static void hostIn(LauncherSession session, SubmissionHost host) {
    session.getStore().put(Namespace.create(SubmissionExtension.class), SubmissionHost.class, host);
  }

  /** Returns the host that the launcher session of {@code context} builds submissions through. */
  public static Optional<SubmissionHost> hostOf(ExtensionContext context) {
    return Optional.ofNullable(
        context
            .getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
            .get(SubmissionHost.class, SubmissionHost.class));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(CLASSPATH_PARAMETER).isPresent()
        ? ConditionEvaluationResult.enabled("the grader names the submission to test")
        : ConditionEvaluationResult.disabled(
            "hidden tests run only under the grader, which names the submission in "
                + CLASSPATH_PARAMETER);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Submission.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String classpath =
        context
            .getConfigurationParameter(CLASSPATH_PARAMETER)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "No submission to grade: the configuration parameter "
                            + CLASSPATH_PARAMETER
                            + " is not set"));
    ExtensionContext testClass = testClassOf(context);
    Optional<SubmissionHost> host = hostOf(context);
    if (host.isPresent()) {
      String scope = testClass.getUniqueId();
      return testClass
          .getStore(NAMESPACE)
          .computeIfAbsent(
              classpath,
              key -> new HostedSubmission(host.get(), scope, host.get().open(scope, roots(key))),
              HostedSubmission.class);
    }
    return testClass
        .getStore(NAMESPACE)
        .computeIfAbsent(
            classpath,
            key ->
                context
                        .getConfigurationParameter(SHARED_LOADER_PARAMETER, Boolean::parseBoolean)
                        .orElse(false)
                    ? SubmissionClasses.shared(roots(key))
                    : SubmissionClasses.open(roots(key), mentions(context, key)),
            SubmissionClasses.class);
  }

  /**
   * Returns the context of the test class that {@code context} belongs to, directly below the
   * engine: the submission's classes live as long as that class's tests, so a launch of several
   * questions gives each question's classes a loader of their own.
   */
  private static ExtensionContext testClassOf(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().flatMap(ExtensionContext::getParent).isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /**
   * Returns which classes the submission's class files name. Each question's test class opens
   * the submission's classes anew, and a worker runs all the launches of one submission with the
   * same {@link TimeLimitExtension#THREAD_SCOPE_PARAMETER}; the launcher session keeps what the
   * first read for the others: reading every class file for every question took about a tenth of
   * a warm worker's time (docs/performance/where-the-time-goes-2026-12-04.md, "The workers'
   * archive with its lambdas"). Without that parameter every question reads them.
   */
  private static ClassFileMentions mentions(ExtensionContext context, String classpath) {
    Optional<String> scope =
        context.getConfigurationParameter(TimeLimitExtension.THREAD_SCOPE_PARAMETER);
    if (scope.isEmpty()) {
      return SubmissionClasses.mentionsOf(roots(classpath));
    }
    ExtensionContext.Store session =
        context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE);
    KeptMentions kept = session.get(KeptMentions.class, KeptMentions.class);
    if (kept == null || !kept.scope().equals(scope.get()) || !kept.classpath().equals(classpath)) {
      kept =
          new KeptMentions(scope.get(), classpath, SubmissionClasses.mentionsOf(roots(classpath)));
      session.put(KeptMentions.class, kept);
    }
    return kept.mentions();
  }

  /** Holds a test class's submission in a host, and releases it when the class's tests end. */
  private record HostedSubmission(SubmissionHost host, String scope, Submission submission)
      implements Submission, AutoCloseable {

    @Override
    public <T> T create(Class<T> contract, Object... constructorArguments) {
      return submission.create(contract, constructorArguments);
    }

    @Override
    public void close() {
      host.release(scope);
    }
  }

  /** Holds what the class files of one submission name, for the launches of one scope. */
  private record KeptMentions(String scope, String classpath, ClassFileMentions mentions) {}

  private static List<Path> roots(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .toList();
  }
}
