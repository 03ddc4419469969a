package dev.awskit.exercises;

import java.io.Serial;

/**
 * Says that a question's stub has not been completed yet: every method of an untouched stub
 * throws it, and the grader reports such a question as "not implemented" by this type, not by
 * the wording of its message.
 */
public final class NotImplementedYet extends UnsupportedOperationException {

  @Serial private static final long serialVersionUID = 1L;

  private final int question;

  /** Creates the exception a stub of question {@code question} throws. */
  public NotImplementedYet(int question) {
    super("Question " + question + " is not implemented yet");
    this.question = question;
  }

  /** Returns the number of the question whose stub threw it. */
  public int question() {
    return question;
  }
}
