package dev.awskit.grader.classview;

/** Reports a roster file that cannot be used, in words the instructor can act on. */
public final class LmsRosterException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public LmsRosterException(String message) {
    super(message);
  }
}
