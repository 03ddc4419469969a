package dev.awskit.grader.hidden;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs the test and lifecycle methods of hidden tests under the time limit that the configuration
 * parameter {@value #TIME_LIMIT_PARAMETER} gives in milliseconds, on a thread that one launch keeps
 * for all its methods.
 *
 * <p>JUnit's own preemptive time limit starts a thread for every method, and a thread's first call
 * into Mockito and the SDK fills their per-thread state anew: together that cost more than most
 * hidden tests do. Here one thread serves a launch (a question of one submission) and ends with
 * it. A method that runs past the limit fails with {@link TimeLimitExceeded}; its thread is
 * interrupted and left behind under a name starting with {@value #ABANDONED_THREAD_PREFIX}, which a
 * worker's census of threads looks for, and the launch's later methods get a new thread. Every
 * method starts on a thread whose name, priority, context class loader and handler of uncaught
 * exceptions are as they were first, with no interrupt pending. Without the parameter (a hidden
 * test started outside the grader), methods run on JUnit's thread with no limit.
 *
 * <p>With the configuration parameter {@value #THREAD_SCOPE_PARAMETER}, the thread outlives its
 * launch: it is kept in the launcher session and serves every later launch with the same value,
 * until a launch with another value ends it. A worker gives all the questions of one submission
 * the same value, so that a submission's twelve launches warm up one thread instead of twelve,
 * and never shares a thread between two submissions.
 */
public final class TimeLimitExtension implements InvocationInterceptor {

  /** Names the configuration parameter that gives every method's time limit, in milliseconds. */
  public static final String TIME_LIMIT_PARAMETER = "awskit.test.timeLimitMillis";

  /** Starts the name of a thread left running by a method that ran past its time limit. */
  public static final String ABANDONED_THREAD_PREFIX = "awskit-test-past-time-limit-";

  /**
   * Names the configuration parameter whose value says which launches may share a thread: those of
   * one submission.
   */
  public static final String THREAD_SCOPE_PARAMETER = "awskit.test.threadScope";

  /** Names the thread that runs a launch's methods, which it bears whenever it is idle. */
  public static final String THREAD_NAME = "awskit-test";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TimeLimitExtension.class);

  /**
   * Tells whether {@code thread} is a thread of this extension waiting for its next method, so
   * running no code of the submission: a census of threads need not look at its stack.
   */
  public static boolean isWaitingTestThread(Thread thread) {
    return TestThread.isBetweenMethods(thread);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    underLimit(invocation, context);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    underLimit(invocation, context);
  }

  @Override
  public <T> T interceptTestFactoryMethod(
      Invocation<T> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    return underLimit(invocation, context);
  }

  @Override
  public void interceptBeforeAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    underLimit(invocation, context);
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    underLimit(invocation, context);
  }

  @Override
  public void interceptAfterEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    underLimit(invocation, context);
  }

  @Override
  public void interceptAfterAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    underLimit(invocation, context);
  }

  private static <T> T underLimit(Invocation<T> invocation, ExtensionContext context)
      throws Throwable {
    Optional<Duration> limit =
        context
            .getConfigurationParameter(TIME_LIMIT_PARAMETER, Long::parseLong)
            .map(Duration::ofMillis);
    if (limit.isEmpty()) {
      return invocation.proceed();
    }
    Optional<String> scope = context.getConfigurationParameter(THREAD_SCOPE_PARAMETER);
    TestThread thread =
        scope.isPresent()
            ? keptThread(context, scope.get())
            : context
                .getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                    TestThread.class,
                    key ->
                        new TestThread(
                            THREAD_NAME, Thread.currentThread().getContextClassLoader()),
                    TestThread.class);
    return thread.run(invocation, limit.get());
  }

  /**
   * Returns the thread the launcher session keeps for {@code scope}, ending the one it kept for
   * another scope (or with another context class loader).
   */
  private static TestThread keptThread(ExtensionContext context, String scope) {
    ExtensionContext.Store session =
        context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE);
    ClassLoader contextClassLoader = Thread.currentThread().getContextClassLoader();
    KeptThread kept = session.get(KeptThread.class, KeptThread.class);
    if (kept == null
        || !kept.scope().equals(scope)
        || kept.contextClassLoader() != contextClassLoader) {
      if (kept != null) {
        kept.close();
      }
      kept =
          new KeptThread(
              scope, contextClassLoader, new TestThread(THREAD_NAME, contextClassLoader));
      session.put(KeptThread.class, kept);
    }
    return kept.thread();
  }

  /**
   * Holds the thread a launcher session keeps for the launches of one scope; closed with the
   * session.
   */
  private record KeptThread(String scope, ClassLoader contextClassLoader, TestThread thread)
      implements AutoCloseable {

    @Override
    public void close() {
      thread.close();
    }
  }
}
