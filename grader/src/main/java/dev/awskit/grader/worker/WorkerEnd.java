package dev.awskit.grader.worker;

/**
 * Describes how a worker JVM ended, for explaining a crash.
 *
 * @param exitCode the process's exit code
 * @param killed whether the grader ended it (a wedged or unclean worker), rather than it ending on
 *     its own
 * @param errorOutput the end of what the JVM wrote on its error stream (its own messages, such as
 *     {@code Terminating due to java.lang.OutOfMemoryError})
 * @param strayOutput the end of what appeared on its standard output outside frames
 * @param leftProcesses how many processes the worker had started that were still alive when it
 *     ended, and were ended with it
 */
record WorkerEnd(
    int exitCode, boolean killed, String errorOutput, String strayOutput, int leftProcesses) {

  /** Describes a worker that left no process behind. */
  WorkerEnd(int exitCode, boolean killed, String errorOutput, String strayOutput) {
    this(exitCode, killed, errorOutput, strayOutput, 0);
  }

  /** Returns everything the JVM wrote outside frames, for searching and for the instructor. */
  String output() {
    return errorOutput + "\n" + strayOutput;
  }
}
