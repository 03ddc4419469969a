package dev.awskit.grader.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Reads the wall time, this JVM's CPU time and the machine's load average from a start, because on
 * a shared machine the wall time alone says little.
 *
 * @param wallStart {@link System#nanoTime()} at the start
 * @param cpuStart this JVM's CPU time at the start, in nanoseconds
 * @param loadAtStart the one-minute load average at the start
 */
record ProcessClock(long wallStart, long cpuStart, double loadAtStart) {

  /**
   * Holds what passed since the start.
   *
   * @param wallSeconds the wall time
   * @param cpuSeconds this JVM's CPU time (every thread, user and system)
   * @param loadAtStart the one-minute load average at the start
   * @param loadAtEnd the one-minute load average at the end
   */
  record Reading(double wallSeconds, double cpuSeconds, double loadAtStart, double loadAtEnd) {

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.1f s wall, %.1f s CPU, load average %.1f to %.1f",
          wallSeconds,
          cpuSeconds,
          loadAtStart,
          loadAtEnd);
    }
  }

  /** Starts the clock now. */
  static ProcessClock start() {
    return new ProcessClock(System.nanoTime(), cpuNanos(), load());
  }

  /** Returns what passed since the start. */
  Reading read() {
    return new Reading(
        (System.nanoTime() - wallStart) / 1e9, (cpuNanos() - cpuStart) / 1e9, loadAtStart, load());
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
