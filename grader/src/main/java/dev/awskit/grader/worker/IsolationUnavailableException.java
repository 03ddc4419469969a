package dev.awskit.grader.worker;

/** Reports that the isolation an instructor asked for cannot be had on this machine, and why. */
public final class IsolationUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was tried and what failed. */
  public IsolationUnavailableException(String message) {
    super(message);
  }
}
