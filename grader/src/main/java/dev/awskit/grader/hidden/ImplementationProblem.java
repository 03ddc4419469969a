package dev.awskit.grader.hidden;

import java.io.Serial;

/**
 * Reports that a submission's implementation of a contract cannot be built.
 *
 * <p>It is an {@link AssertionError} so that it fails the test that asked for the implementation,
 * with a message written for the student, and so costs only that test's question.
 */
public final class ImplementationProblem extends AssertionError {

  @Serial private static final long serialVersionUID = 1L;

  /** Creates a problem with a message for the student. */
  public ImplementationProblem(String message) {
    super(message);
  }

  /** Creates a problem with a message for the student and the underlying cause. */
  public ImplementationProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
