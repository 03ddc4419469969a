package dev.awskit.grader.worker;

import dev.awskit.grader.engine.TestOutcome;
import java.time.Duration;

/**
 * Explains, in plain words, a test during which the worker JVM ended or stopped responding, and the
 * tests of a question that were given up on after repeated crashes.
 */
final class Crashes {

  private static final String CARRIED_ON = " The grader ran the other tests in a new Java process.";

  private Crashes() {}

  /**
   * Describes the test that was running when the worker ended or was ended.
   *
   * @param wedged whether the grader ended the worker because it stopped responding
   * @param end how the worker ended
   * @param timeLimit the test's time limit
   * @param heapMegabytes the worker's heap cap
   */
  static TestOutcome outcome(boolean wedged, WorkerEnd end, Duration timeLimit, int heapMegabytes) {
    String detail = detail(wedged, end);
    String output = end.output();
    if (wedged) {
      return new TestOutcome.TimedOut(
          "The test did not finish within "
              + format(timeLimit)
              + ", and the Java process running"
              + " your code stopped responding, so the grader ended it: your code may loop forever,"
              + " or wait for something that never happens."
              + CARRIED_ON,
          detail);
    }
    if (output.contains("OutOfMemoryError") && output.contains("native thread")) {
      return new TestOutcome.Threw(
          "Your code started more threads than the Java process running the tests could create,"
              + " and the process ended during this test. Do the work on the calling thread."
              + CARRIED_ON,
          detail);
    }
    if (output.contains("OutOfMemoryError")) {
      return new TestOutcome.Threw(
          "Your code ran out of memory during this test (the tests run with "
              + heapMegabytes
              + " MB of memory), and the Java process running it ended: look for a list, map or"
              + " text that keeps growing, or an array far larger than needed."
              + CARRIED_ON,
          detail);
    }
    if (output.contains("StackOverflowError")) {
      return new TestOutcome.Threw(
          "Your code called itself too deeply (StackOverflowError), and the Java process running"
              + " it did not survive: check that your recursion ends."
              + CARRIED_ON,
          detail);
    }
    if (end.exitCode() >= 128 || end.exitCode() < 0) {
      return new TestOutcome.Threw(
          "The Java process running your code crashed during this test (exit code "
              + end.exitCode()
              + ")."
              + CARRIED_ON,
          detail);
    }
    return new TestOutcome.Threw(
        "Your code ended the Java process that runs the tests during this test (exit code "
            + end.exitCode()
            + "): does it call System.exit or Runtime.halt? Return a value or"
            + " throw an exception instead."
            + CARRIED_ON,
        detail);
  }

  /** Describes a test not run because its question's code cost a worker too often. */
  static TestOutcome givenUp(int restarts) {
    return new TestOutcome.NotRun(
        "This test did not run: in this question's other tests your code ended the Java process"
            + " running them, stopped it from responding, or left code running after the test "
            + restarts
            + " times (those tests say how), so the grader did not run the rest of"
            + " this question.",
        "");
  }

  /**
   * Describes a test whose results the grader voided twice, because the Java process running the
   * question sent messages out of order: something in it wrote on the grader's channel.
   */
  static TestOutcome untrusted(String irregularity) {
    return new TestOutcome.NotRun(
        "The grader could not trust this run: twice, the Java process running this question's"
            + " tests sent the grader messages that the tests themselves did not send, so the"
            + " grader counted none of its results. Code that writes to the process's own output"
            + " channel, or tampers with the test run, causes this.",
        "Irregular frame: " + irregularity);
  }

  private static String detail(boolean wedged, WorkerEnd end) {
    StringBuilder detail = new StringBuilder();
    detail.append(
        wedged
            ? "The worker JVM stopped reporting during this test; the grader ended it"
            : "The worker JVM ended during this test");
    detail.append(" (exit code ").append(end.exitCode()).append(").");
    if (!end.errorOutput().isBlank()) {
      detail.append("\nIts error output:\n").append(end.errorOutput().strip());
    }
    if (!end.strayOutput().isBlank()) {
      detail.append("\nIts other output:\n").append(end.strayOutput().strip());
    }
    return detail.toString();
  }

  private static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
