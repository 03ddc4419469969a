package dev.awskit.grader.hidden;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Builds a submission's objects somewhere other than the tests' JVM: in a defendant JVM that runs
 * only the submission's code, so that no code of the submission can reach the tests or their
 * verdicts. {@link SubmissionExtension} uses the host a launcher session names ({@link
 * SubmissionExtension#hostIn}) instead of loading the submission's classes itself.
 */
public interface SubmissionHost {

  /**
   * Opens the classes under {@code roots} for the test class {@code scope} and returns what its
   * tests create the submission's objects with.
   */
  Submission open(String scope, List<Path> roots);

  /**
   * Returns where the submission's code runs that {@code thread}, a test's, is waiting on: the
   * stack a test past its time limit reports to the student.
   */
  default StackTraceElement[] whereIs(Thread thread) {
    return thread.getStackTrace();
  }

  /**
   * Returns the folder where the tests' temporary folders go, one the submission's code reaches
   * under the same path; empty when it reaches the tests' own.
   */
  default Optional<Path> folderForTests() {
    return Optional.empty();
  }

  /** Drops what {@link #open} made for {@code scope}, whose tests have ended. */
  void release(String scope);
}
