package dev.awskit.exercises.q99;

import java.io.Serial;

/** Reports a name that cannot be greeted. */
public class GreetingException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public GreetingException(String message) {
    super(message);
  }
}
