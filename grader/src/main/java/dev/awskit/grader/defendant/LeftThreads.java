package dev.awskit.grader.defendant;

import dev.awskit.grader.hidden.SubmissionExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the threads of a defendant JVM that run or wait in the submission's code: a frame of the
 * submission's class loader is on their stack. Between test classes none should be; one that is
 * (a thread the code started and left sleeping, spinning or starting more) would go on using the
 * JVM's threads, memory and processor while the next question's tests run. An idle pool thread
 * the code left behind has no such frame and is not counted.
 */
final class LeftThreads {

  private LeftThreads() {}

  /**
   * Returns the threads in the submission's code, described, that are still there after up to
   * {@code grace} in all.
   */
  static List<String> inSubmissionCode(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    List<String> left = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> alive : Thread.getAllStackTraces().entrySet()) {
      Thread thread = alive.getKey();
      if (thread == Thread.currentThread() || !inSubmissionCode(alive.getValue())) {
        continue;
      }
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
      if (thread.isAlive() && inSubmissionCode(thread.getStackTrace())) {
        left.add("'" + thread.getName() + "' (" + thread.getState() + ")");
      }
    }
    return left;
  }

  private static boolean inSubmissionCode(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (SubmissionExtension.CLASS_LOADER_NAME.equals(frame.getClassLoaderName())) {
        return true;
      }
    }
    return false;
  }
}
