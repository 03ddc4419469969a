package dev.awskit.grader.cli;

/** Names every exit code of the grader's command line, in one place. */
public final class ExitCodes {

  /** Tells that the submission was graded, whatever its score, or a command did its job. */
  public static final int OK = 0;

  /** Tells that the grader itself failed; the message says why. */
  public static final int INTERNAL_ERROR = 1;

  /** Tells that the command line or the policy file is wrong: nothing was graded. */
  public static final int USAGE = 2;

  /**
   * Tells that the submission cannot be graded: a missing folder or zip, no Java source, a zip the
   * intake refuses.
   */
  public static final int SUBMISSION_UNUSABLE = 3;

  /** Tells that the submission was graded, but scored below {@code --min-score}. */
  public static final int BELOW_MIN_SCORE = 4;

  /** Tells that {@code self-check} found the reference or the stubs scoring wrongly. */
  public static final int SELF_CHECK_FAILED = 5;

  /**
   * Tells that the isolation asked for ({@code --isolation}, {@code --require-isolation}) cannot be
   * had on this machine: nothing was graded.
   */
  public static final int ISOLATION_UNAVAILABLE = 6;

  private ExitCodes() {}

  /** Lists the codes with their meaning, for {@code --help}. */
  static String[] helpList() {
    return new String[] {
      OK + ":graded (whatever the score), or done",
      INTERNAL_ERROR + ":the grader itself failed",
      USAGE + ":wrong command line or broken policy file; nothing graded",
      SUBMISSION_UNUSABLE + ":submission unusable (missing, no .java file, refused zip)",
      BELOW_MIN_SCORE + ":graded, but the score is below --min-score",
      SELF_CHECK_FAILED + ":self-check failed (reference not full marks, or stubs not zero)",
      ISOLATION_UNAVAILABLE + ":the isolation asked for cannot be had here; nothing graded"
    };
  }
}
