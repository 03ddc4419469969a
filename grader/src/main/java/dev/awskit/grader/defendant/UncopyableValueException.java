package dev.awskit.grader.defendant;

import java.io.Serial;

/**
 * Reports a value that cannot cross between the judge and the defendant: of a type neither side
 * copies nor passes by handle, nested too deep, or a tree of a shape no value has.
 */
public final class UncopyableValueException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /** Creates an exception about {@code what}, such as {@code "a java.lang.Thread"}. */
  public UncopyableValueException(String what) {
    super("The grader cannot pass " + what + " between the tests and the submission's code.");
  }
}
