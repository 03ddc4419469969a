package dev.awskit.grader.worker;

import java.time.Duration;

/**
 * Holds the limits of the worker JVMs a {@link WorkerRunner} starts.
 *
 * @param heapMegabytes the heap cap of a worker ({@code -Xmx}); a submission that needs more runs
 *     out of memory, which costs the test it happened in
 * @param stackKilobytes the stack size of a worker's threads ({@code -Xss})
 * @param keptOutputBytes how many bytes of what a test prints are kept for the instructor
 * @param startTimeout how long a worker may take to start, and to run its first test's set-up
 *     (loading the libraries, preparing Mockito), before the grader gives up on it
 * @param grace how long past a test's time limit the grader waits for the worker to report the test
 *     before it ends the worker and charges the test with a time-out
 * @param restartsPerQuestion how many times one question's code may cost a worker (by ending it,
 *     wedging it, or leaving code running after a test) before the question's remaining tests are
 *     not run any more: this bounds what one question can cost in time
 * @param submissionsPerWorker how many submissions one worker JVM may grade, one after another,
 *     before a new one takes over; 1 starts a new worker for every submission. A worker is reused
 *     only when it comes out of a submission clean (see {@link WorkerRunner}); the bound keeps
 *     what the class loaders of earlier submissions leave in its memory small
 * @param maxWorkers how many submissions may have their tests running at once, each in a worker
 *     of its own; a run waits for its turn beyond that. A grader thread compiles the next
 *     submission while a worker runs the tests of the last, so half as many workers as grading
 *     threads keep the processors busy without warming up more JVMs than needed
 */
public record WorkerSettings(
    int heapMegabytes,
    int stackKilobytes,
    int keptOutputBytes,
    Duration startTimeout,
    Duration grace,
    int restartsPerQuestion,
    int submissionsPerWorker,
    int maxWorkers) {

  /** Checks that every limit is positive. */
  public WorkerSettings {
    if (heapMegabytes < 16
        || stackKilobytes < 128
        || keptOutputBytes < 0
        || restartsPerQuestion < 1
        || submissionsPerWorker < 1
        || maxWorkers < 1) {
      throw new IllegalArgumentException("Worker limits out of range: " + this);
    }
    if (startTimeout.isNegative() || startTimeout.isZero() || grace.isNegative()) {
      throw new IllegalArgumentException("Worker time limits out of range: " + this);
    }
  }

  /**
   * Returns the defaults: 256 MB of heap, 1 MB stacks, 8 KiB of output kept per test, 60 s to
   * start, 3 s of grace past a test's time limit, two restarts per question, up to 100
   * submissions per worker, and half as many workers at once as there are processors (at least
   * one).
   */
  public static WorkerSettings defaults() {
    return new WorkerSettings(
        256,
        1024,
        8 * 1024,
        Duration.ofSeconds(60),
        Duration.ofSeconds(3),
        2,
        100,
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  /** Returns these settings with another {@link #submissionsPerWorker()}. */
  public WorkerSettings withSubmissionsPerWorker(int submissions) {
    return new WorkerSettings(
        heapMegabytes,
        stackKilobytes,
        keptOutputBytes,
        startTimeout,
        grace,
        restartsPerQuestion,
        submissions,
        maxWorkers);
  }

  /** Returns these settings with another {@link #maxWorkers()}. */
  public WorkerSettings withMaxWorkers(int workers) {
    return new WorkerSettings(
        heapMegabytes,
        stackKilobytes,
        keptOutputBytes,
        startTimeout,
        grace,
        restartsPerQuestion,
        submissionsPerWorker,
        workers);
  }
}
