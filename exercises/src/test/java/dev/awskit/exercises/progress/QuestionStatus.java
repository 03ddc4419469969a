package dev.awskit.exercises.progress;

/** Says how far a question is, judged by its public tests in one run. */
public enum QuestionStatus {
  /** Every public test failed with "Question N is not implemented yet". */
  NOT_STARTED("not started"),
  /** Some public tests pass, or fail for another reason than the untouched stub. */
  IN_PROGRESS("in progress"),
  /** Every public test passed. */
  PASSING("passing"),
  /** The run selected none of the question's public tests. */
  NOT_RUN("not run");

  private final String label;

  QuestionStatus(String label) {
    this.label = label;
  }

  /** Returns the words the progress table prints. */
  public String label() {
    return label;
  }
}
