package dev.awskit.grader.hidden;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;

/**
 * Runs the methods of hidden tests on the thread that runs their launch, each under its time limit,
 * which another thread enforces by calling {@link #check()} now and then: a worker's main thread,
 * which waits for the launch anyway. A method past its limit is interrupted, and fails with {@link
 * TimeLimitExceeded} when it returns; one that has not returned a grace later is {@linkplain
 * Stuck stuck}, and the watcher must give up the launch's thread with it.
 *
 * <p>A method run on the launch's own thread stays on the processor that thread runs on. Handing
 * every method to a thread of its own ({@link TestThread}) woke that thread on the other processor
 * as often as not, and the caches it found cold there cost about a tenth of a worker's time.
 */
public final class TestWatch {

  private final Duration grace;
  private final LongSupplier nanoTime;
  private final Object lock = new Object();
  private Thread running;
  private Duration limit;
  private long deadline;
  /** Where the running method was when its limit passed; null while it is within it. */
  private StackTraceElement[] late;

  /**
   * Creates a watch that gives a method past its limit {@code grace} to return once interrupted.
   *
   * @param nanoTime the clock the limits are measured with
   */
  public TestWatch(Duration grace, LongSupplier nanoTime) {
    this.grace = grace;
    this.nanoTime = nanoTime;
  }

  /** Holds a method that ran past its limit and did not return when interrupted. */
  public record Stuck(Thread thread, Duration limit, StackTraceElement[] where) {

    /** Returns the failure the method is reported with, as if it had returned. */
    public TimeLimitExceeded failure() {
      return new TimeLimitExceeded(limit, where);
    }
  }

  /**
   * Runs {@code invocation} on this thread and returns its result, or throws what it threw; the
   * thread's name, priority, context class loader and handler of uncaught exceptions are put back
   * afterwards, and an interrupt it left pending is cleared.
   *
   * @throws TimeLimitExceeded when its limit passed before it returned
   */
  <T> T run(Invocation<T> invocation, Duration limit) throws Throwable {
    Thread self = Thread.currentThread();
    String name = self.getName();
    int priority = self.getPriority();
    ClassLoader loader = self.getContextClassLoader();
    Thread.interrupted();
    synchronized (lock) {
      this.running = self;
      this.limit = limit;
      this.deadline = nanoTime.getAsLong() + limit.toNanos();
      this.late = null;
    }
    T result = null;
    Throwable thrown = null;
    try {
      result = invocation.proceed();
    } catch (Throwable failed) {
      thrown = failed;
    }
    StackTraceElement[] where;
    synchronized (lock) {
      running = null;
      where = late;
    }
    Thread.interrupted();
    self.setName(name);
    self.setPriority(priority);
    self.setContextClassLoader(loader);
    self.setUncaughtExceptionHandler(null);
    if (where != null) {
      throw new TimeLimitExceeded(limit, where);
    }
    if (thrown != null) {
      throw thrown;
    }
    return result;
  }

  /**
   * Looks at the method running, if any: once past its limit it is interrupted, where it was being
   * noted; once past the grace after that, it is returned as stuck.
   */
  public Optional<Stuck> check() {
    synchronized (lock) {
      if (running == null) {
        return Optional.empty();
      }
      long now = nanoTime.getAsLong();
      if (late == null && now - deadline >= 0) {
        late = running.getStackTrace();
        running.interrupt();
      } else if (late != null && now - deadline - grace.toNanos() >= 0) {
        return Optional.of(new Stuck(running, limit, late));
      }
      return Optional.empty();
    }
  }
}
