package dev.awskit.grader.hidden;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;

/**
 * Holds the thread that hidden tests run their methods on, and runs each method under a time limit.
 * Between methods the thread waits under its own name, whatever a method renamed it to. Not safe
 * for use by several threads at once: JUnit runs one method at a time.
 */
final class TestThread implements AutoCloseable {

  private final String name;
  private final ClassLoader contextClassLoader;
  private final AtomicInteger abandoned = new AtomicInteger();
  /** The threads left behind past a limit, which keep the name that says so. */
  private final Set<Thread> leftBehind = ConcurrentHashMap.newKeySet();
  private ExecutorService executor;
  private Thread thread;

  /**
   * Creates a holder whose threads are called {@code name} and start every method with {@code
   * contextClassLoader} as their context class loader.
   */
  TestThread(String name, ClassLoader contextClassLoader) {
    this.name = name;
    this.contextClassLoader = contextClassLoader;
  }

  /**
   * Runs {@code invocation} on the kept thread and returns its result, or throws what it threw.
   *
   * @throws TimeLimitExceeded when it runs past {@code limit}; its thread is then interrupted and
   *     left behind, renamed with {@link TimeLimitExtension#ABANDONED_THREAD_PREFIX}, and the next
   *     method gets a new thread
   */
  <T> T run(Invocation<T> invocation, Duration limit) throws Throwable {
    return run(invocation, limit, Thread::getStackTrace);
  }

  /**
   * Runs {@code invocation} as {@link #run(Invocation, Duration)} does, and reports a method past
   * its limit at the stack {@code where} gives for the kept thread: the submission's code may run
   * in another JVM, which the thread waits on.
   */
  <T> T run(
      Invocation<T> invocation, Duration limit, Function<Thread, StackTraceElement[]> where)
      throws Throwable {
    if (executor == null) {
      executor = Executors.newSingleThreadExecutor(this::newThread);
    }
    Future<T> result = executor.submit(resetThenRun(invocation));
    try {
      return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException failed) {
      Throwable thrown = failed.getCause();
      throw thrown instanceof Rethrown rethrown ? rethrown.getCause() : thrown;
    } catch (TimeoutException late) {
      StackTraceElement[] stuck = where.apply(thread);
      abandon(result);
      throw new TimeLimitExceeded(limit, stuck);
    } catch (InterruptedException interrupted) {
      abandon(result);
      throw interrupted;
    }
  }

  /** Ends the kept thread once it has finished its method. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  private Thread newThread(Runnable work) {
    Thread created = new Thread(work, name);
    created.setDaemon(true);
    thread = created;
    return created;
  }

  /** Interrupts the method and leaves its thread, to end or not, under a name a census counts. */
  private void abandon(Future<?> result) {
    synchronized (leftBehind) {
      leftBehind.add(thread);
      thread.setName(TimeLimitExtension.ABANDONED_THREAD_PREFIX + abandoned.incrementAndGet());
    }
    result.cancel(true);
    executor.shutdownNow();
    executor = null;
  }

  /**
   * Wraps the invocation so that it starts on a thread as a new thread would be: what an earlier
   * method changed of the thread's own settings, or an interrupt it left pending, is undone.
   */
  private <T> Callable<T> resetThenRun(Invocation<T> invocation) {
    return () -> {
      Thread self = Thread.currentThread();
      Thread.interrupted();
      self.setName(name);
      self.setPriority(Thread.NORM_PRIORITY);
      self.setContextClassLoader(contextClassLoader);
      self.setUncaughtExceptionHandler(null);
      try {
        return invocation.proceed();
      } catch (Exception | Error thrown) {
        throw thrown;
      } catch (Throwable other) {
        throw new Rethrown(other);
      } finally {
        // An idle kept thread carries its own name again, whatever the method renamed it to.
        synchronized (leftBehind) {
          if (!leftBehind.contains(self)) {
            self.setName(name);
          }
        }
      }
    };
  }

  /** Carries a throwable that is neither an exception nor an error across the executor. */
  private static final class Rethrown extends Exception {
    private static final long serialVersionUID = 1L;

    Rethrown(Throwable cause) {
      super(cause);
    }
  }
}
