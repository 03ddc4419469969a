package dev.awskit.grader.hidden;

import java.io.Serial;
import org.opentest4j.TestAbortedException;

/**
 * Stops a test before it runs because the submission's code for its question ended, or stopped
 * answering, the JVM running it too often; its message says so to the student.
 */
public final class QuestionGivenUp extends TestAbortedException {

  @Serial private static final long serialVersionUID = 1L;

  /** Creates the stop, after the code ended or stopped its JVM {@code times} times. */
  public QuestionGivenUp(int times) {
    super(
        "This test did not run: in this question's other tests your code ended the Java process"
            + " running it, or kept it busy past the time limit, " + times + " times (those tests"
            + " say how), so the grader did not run the rest of this question.");
  }
}
