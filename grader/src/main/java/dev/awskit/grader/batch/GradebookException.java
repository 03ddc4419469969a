package dev.awskit.grader.batch;

import java.io.Serial;

/** Reports a gradebook that cannot be read or merged, with what is wrong in plain words. */
public final class GradebookException extends Exception {

  @Serial private static final long serialVersionUID = 1L;

  /** Creates the exception with a message for the instructor. */
  public GradebookException(String message) {
    super(message);
  }
}
