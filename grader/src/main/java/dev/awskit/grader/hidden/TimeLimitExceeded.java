package dev.awskit.grader.hidden;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Fails a hidden test, or one of its lifecycle methods, that did not finish within its time limit.
 *
 * <p>Its cause is a {@link TimeoutException} whose stack trace is where the method was running when
 * the limit passed, so that feedback can point at the line of the student's code that was still
 * running.
 */
public final class TimeLimitExceeded extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** Creates the failure of a method that ran past {@code limit}, last seen at {@code where}. */
  public TimeLimitExceeded(Duration limit, StackTraceElement[] where) {
    super("The method did not finish within " + limit.toMillis() + " ms", stillRunning(where));
  }

  private static TimeoutException stillRunning(StackTraceElement[] where) {
    TimeoutException running =
        new TimeoutException("Still running here when the time limit passed");
    running.setStackTrace(where);
    return running;
  }
}
