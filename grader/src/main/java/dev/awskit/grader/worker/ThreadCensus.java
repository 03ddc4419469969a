package dev.awskit.grader.worker;

import dev.awskit.grader.hidden.SubmissionExtension;
import dev.awskit.grader.hidden.TimeLimitExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Finds threads a test left running in a worker JVM: threads that were not alive when a job
 * started, are still alive a moment after a test ended, and are running the submission's code (a
 * frame of the submission's class loader is on their stack) or are a test's thread left behind.
 *
 * <p>A test's thread that ran past its time limit in code that cannot be stopped is left behind
 * under a name of its own ({@link TimeLimitExtension#ABANDONED_THREAD_PREFIX}), and always counts;
 * the idle thread that runs a launch's tests does not, as it runs no code of the submission.
 * Threads that only run library code are not counted: the AWS SDK, for one, starts a scheduler
 * thread the first time a test uses a response stream, and keeps it for the life of the JVM. An
 * idle thread a submission left behind (a parked pool thread) costs nothing and is not counted
 * either; one that runs or waits in the submission's code is.
 */
final class ThreadCensus {

  private final Duration grace;
  private final LongSupplier nanoTime;

  /**
   * Creates a census that gives new threads up to {@code grace} in all to end.
   *
   * @param nanoTime the clock the grace is measured with
   */
  ThreadCensus(Duration grace, LongSupplier nanoTime) {
    this.grace = grace;
    this.nanoTime = nanoTime;
  }

  /** Returns the threads alive now. */
  static Set<Thread> alive() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count;
    while ((count = root.enumerate(threads, true)) == threads.length) {
      threads = new Thread[threads.length * 2];
    }
    return Set.copyOf(Arrays.asList(threads).subList(0, count));
  }

  /**
   * Returns the threads alive now that were not in {@code before} and do not end within the grace,
   * described for the instructor; empty when there are none.
   */
  List<String> leftSince(Set<Thread> before) {
    long deadline = nanoTime.getAsLong() + grace.toNanos();
    List<Thread> left = new ArrayList<>();
    commonPoolQuietBy(deadline);
    for (Thread thread : alive()) {
      if (before.contains(thread) || thread == Thread.currentThread() || !suspect(thread)) {
        continue;
      }
      long wait = Math.max(1, (deadline - nanoTime.getAsLong()) / 1_000_000);
      try {
        thread.join(wait);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
      if (thread.isAlive() && suspect(thread)) {
        left.add(thread);
      }
    }
    return left.stream().map(ThreadCensus::describe).sorted().collect(Collectors.toList());
  }

  /**
   * Waits until no worker of the common pool is busy, or the deadline passes. It only looks: a
   * thread that waits on a pool with {@code awaitQuiescence} may be made to run its tasks, which
   * could be the submission's code.
   */
  private boolean commonPoolQuietBy(long deadline) {
    while (ForkJoinPool.commonPool().getActiveThreadCount() > 0) {
      if (nanoTime.getAsLong() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static boolean suspect(Thread thread) {
    return isPastTimeLimit(thread) || runsSubmissionCode(thread);
  }

  private static boolean isPastTimeLimit(Thread thread) {
    return thread.getName().startsWith(TimeLimitExtension.ABANDONED_THREAD_PREFIX);
  }

  private static boolean runsSubmissionCode(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (SubmissionExtension.CLASS_LOADER_NAME.equals(frame.getClassLoaderName())) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Thread thread) {
    StackTraceElement[] stack = thread.getStackTrace();
    String where = "";
    for (StackTraceElement frame : stack) {
      if (SubmissionExtension.CLASS_LOADER_NAME.equals(frame.getClassLoaderName())) {
        where =
            " in "
                + frame.getClassName()
                + "."
                + frame.getMethodName()
                + ":"
                + frame.getLineNumber();
        break;
      }
    }
    return "'" + thread.getName() + "' (" + thread.getState() + where + ")";
  }
}
