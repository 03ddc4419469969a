package dev.awskit.grader.hidden;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;

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
 * <p>A launcher session given a {@link TestWatch} ({@link #watchInline}), as a worker's is, runs
 * the methods inline on the launch's own thread instead, and the watch's owner enforces the limit:
 * a worker runs all the launches of one submission on one thread, which the parameter {@value
 * #THREAD_SCOPE_PARAMETER} names, so that they warm up one thread instead of twelve.
 */
public final class TimeLimitExtension implements InvocationInterceptor {

  /** Names the configuration parameter that gives every method's time limit, in milliseconds. */
  public static final String TIME_LIMIT_PARAMETER = "awskit.test.timeLimitMillis";

  /** Starts the name of a thread left running by a method that ran past its time limit. */
  public static final String ABANDONED_THREAD_PREFIX = "awskit-test-past-time-limit-";

  /**
   * Names the configuration parameter whose value says which launches belong to one submission: a
   * worker runs them on one thread, and {@link SubmissionExtension} keeps for them what it read of
   * the submission's classes.
   */
  public static final String THREAD_SCOPE_PARAMETER = "awskit.test.threadScope";

  /** Names the thread that runs a launch's methods, which it bears whenever it is idle. */
  public static final String THREAD_NAME = "awskit-test";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TimeLimitExtension.class);

  /**
   * Has every later launch of {@code session} run its methods on the launch's own thread under
   * {@code watch}, instead of on a thread of this extension's.
   */
  public static void watchInline(LauncherSession session, TestWatch watch) {
    session
        .getStore()
        .put(Namespace.create(TimeLimitExtension.class), TestWatch.class, watch);
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
    TestWatch watch =
        context
            .getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
            .get(TestWatch.class, TestWatch.class);
    if (watch != null) {
      return watch.run(invocation, limit.get());
    }
    TestThread thread =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(
                TestThread.class,
                key -> new TestThread(THREAD_NAME, Thread.currentThread().getContextClassLoader()),
                TestThread.class);
    Function<Thread, StackTraceElement[]> where =
        SubmissionExtension.hostOf(context)
            .<Function<Thread, StackTraceElement[]>>map(host -> host::whereIs)
            .orElse(Thread::getStackTrace);
    return thread.run(invocation, limit.get(), where);
  }
}
