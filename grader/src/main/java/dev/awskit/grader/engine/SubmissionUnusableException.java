package dev.awskit.grader.engine;

import java.io.Serial;

/** Reports a submission that cannot be graded at all: a missing folder, no Java source. */
public final class SubmissionUnusableException extends Exception {

  @Serial private static final long serialVersionUID = 1L;

  /** Creates the exception with a message for the person who asked for the grade. */
  public SubmissionUnusableException(String message) {
    super(message);
  }
}
