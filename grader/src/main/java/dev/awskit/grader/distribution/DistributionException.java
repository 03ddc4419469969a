package dev.awskit.grader.distribution;

import java.io.IOException;

/**
 * Signals that a distribution piece cannot be made from the inputs given: a repository that is not
 * the kit's, a grader folder without its jar, a student kit that would leak instructor code.
 *
 * <p>The message is written for the instructor who ran the command; a command line shows it as it
 * is and treats it as a usage error. Other {@link IOException}s are failures to read or write.
 */
public class DistributionException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message for the instructor. */
  public DistributionException(String message) {
    super(message);
  }

  /** Creates the exception with a message for the instructor and the failure behind it. */
  public DistributionException(String message, Throwable cause) {
    super(message, cause);
  }
}
