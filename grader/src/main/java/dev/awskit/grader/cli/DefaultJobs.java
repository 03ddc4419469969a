package dev.awskit.grader.cli;

import com.sun.management.OperatingSystemMXBean;
import dev.awskit.grader.distribution.GradingJobs;
import java.lang.management.ManagementFactory;

/**
 * Chooses how many submissions a batch grades at once when {@code --jobs} is not given: one per
 * processor, or two with trusted verdicts, but no more than the memory holds, each with a JVM of
 * its own beside the grader. A container with many processors and little memory would otherwise
 * start more JVMs than it holds, and the kernel would end some mid-test, which reads as the
 * student's crash.
 *
 * <p>With trusted verdicts each call of a test crosses between the grader's JVM and the
 * submission's, and one waits while the other works, so one submission keeps a processor about
 * half busy; two per processor filled the machine (docs/performance.md).
 *
 * <p>Every job compiles in the grader's own heap, so its heap caps the jobs too: with the
 * recommended 256 MiB, 16 jobs ran javac out of memory, which charged the students' questions, and
 * 8 graded every student as 2 did (2026-12-06, 05:58 UTC).
 */
final class DefaultJobs {

  private static final long MEBIBYTE = 1024L * 1024;

  /** Names how much of the grader's heap one job may take: 256 MiB hold 8. */
  static final long HEAP_PER_JOB = 32 * MEBIBYTE;

  private DefaultJobs() {}

  /**
   * Returns the jobs for this machine: its processors, and its memory or its container's limit.
   *
   * @param trustedVerdicts whether the tests run in the grader's JVM, two jobs a processor
   */
  static int forThisMachine(boolean trustedVerdicts) {
    OperatingSystemMXBean system =
        ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    return of(
        Runtime.getRuntime().availableProcessors(),
        system.getTotalMemorySize(),
        Runtime.getRuntime().maxMemory(),
        trustedVerdicts);
  }

  /** Returns how many jobs a grader's heap of {@code heapBytes} holds, at least one. */
  static int heldByTheHeap(long heapBytes) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, heapBytes / HEAP_PER_JOB));
  }

  /**
   * Returns the jobs that {@code processors}, the machine's {@code memoryBytes} and the grader's
   * {@code heapBytes} allow, at least one: one or, with {@code trustedVerdicts}, two a processor.
   */
  static int of(int processors, long memoryBytes, long heapBytes, boolean trustedVerdicts) {
    long forWorkers = memoryBytes - GradingJobs.GRADER_MEBIBYTES * MEBIBYTE;
    long fit =
        Math.min(forWorkers / (GradingJobs.WORKER_MEBIBYTES * MEBIBYTE), heldByTheHeap(heapBytes));
    int wanted = trustedVerdicts ? 2 * processors : processors;
    return (int) Math.max(1, Math.min(wanted, fit));
  }
}
