package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.TestOutcome;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Proves that each way a worker can end is explained in plain words. */
class CrashesTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);

  private static TestOutcome explain(boolean wedged, int exitCode, String errorOutput) {
    return Crashes.outcome(wedged, new WorkerEnd(exitCode, wedged, errorOutput, ""), LIMIT, 256);
  }

  @Test
  @DisplayName("an ended JVM without a message points at System.exit, with the exit code")
  void exitIsExplained() {
    TestOutcome outcome = explain(false, 3, "");

    assertThat(outcome).isInstanceOf(TestOutcome.Threw.class);
    assertThat(outcome.feedback()).contains("ended the Java process", "exit code 3", "System.exit");
  }

  @Test
  @DisplayName("running out of memory is told apart from an exit, with the heap's size")
  void outOfMemoryIsExplained() {
    TestOutcome outcome =
        explain(false, 3, "Terminating due to java.lang.OutOfMemoryError: Java heap space");

    assertThat(outcome.feedback()).contains("ran out of memory", "256 MB");
    assertThat(outcome.detail()).contains("Java heap space");
  }

  @Test
  @DisplayName("too many threads, a stack overflow and a crash have their own words")
  void otherEndsAreExplained() {
    assertThat(explain(false, 3, "OutOfMemoryError: unable to create native thread").feedback())
        .contains("more threads");
    assertThat(explain(false, 1, "java.lang.StackOverflowError").feedback())
        .contains("StackOverflowError");
    assertThat(explain(false, 134, "").feedback()).contains("crashed", "exit code 134");
  }

  @Test
  @DisplayName("a worker that stopped responding is a time-out that names the limit")
  void wedgeIsATimeOut() {
    TestOutcome outcome = explain(true, -1, "");

    assertThat(outcome).isInstanceOf(TestOutcome.TimedOut.class);
    assertThat(outcome.feedback()).contains("did not finish within 5 s", "stopped responding");
  }
}
