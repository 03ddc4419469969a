package dev.awskit.grader.cli;

import com.sun.management.OperatingSystemMXBean;
import dev.awskit.grader.distribution.GradingJobs;
import java.lang.management.ManagementFactory;

/**
 * Chooses how many submissions a batch grades at once when {@code --jobs} is not given: one per
 * processor, but no more than the memory holds, each with a worker JVM of its own beside the
 * grader. A container with many processors and little memory would otherwise start more workers
 * than it holds, and the kernel would end some mid-test, which reads as the student's crash.
 */
final class DefaultJobs {

  private static final long MEBIBYTE = 1024L * 1024;

  private DefaultJobs() {}

  /** Returns the jobs for this machine: its processors, and its memory or its container's limit. */
  static int forThisMachine() {
    OperatingSystemMXBean system =
        ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    return of(Runtime.getRuntime().availableProcessors(), system.getTotalMemorySize());
  }

  /** Returns the jobs that {@code processors} and {@code memoryBytes} allow, at least one. */
  static int of(int processors, long memoryBytes) {
    long forWorkers = memoryBytes - GradingJobs.GRADER_MEBIBYTES * MEBIBYTE;
    long fit = forWorkers / (GradingJobs.WORKER_MEBIBYTES * MEBIBYTE);
    return (int) Math.max(1, Math.min(processors, fit));
  }
}
