package dev.awskit.exercises.progress;

/**
 * Counts the public tests of one question in one run.
 *
 * @param number the question number
 * @param run how many of its public tests ran
 * @param passed how many of those passed
 * @param notImplemented how many failed only because the stub is untouched
 */
public record QuestionProgress(int number, int run, int passed, int notImplemented) {

  /** Returns the progress of a question none of whose tests ran. */
  public static QuestionProgress notRun(int number) {
    return new QuestionProgress(number, 0, 0, 0);
  }

  /** Returns this progress with one more test counted. */
  public QuestionProgress plus(boolean testPassed, boolean testNotImplemented) {
    return new QuestionProgress(
        number,
        run + 1,
        passed + (testPassed ? 1 : 0),
        notImplemented + (testNotImplemented ? 1 : 0));
  }

  /** Returns the status these counts give. */
  public QuestionStatus status() {
    if (run == 0) {
      return QuestionStatus.NOT_RUN;
    }
    if (passed == run) {
      return QuestionStatus.PASSING;
    }
    return notImplemented == run ? QuestionStatus.NOT_STARTED : QuestionStatus.IN_PROGRESS;
  }
}
