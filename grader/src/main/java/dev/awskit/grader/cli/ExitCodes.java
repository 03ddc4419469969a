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

  /** Heads the list of exit codes at the end of a command's {@code --help}. */
  static final String HEADING = "%nExit codes:%n";

  // One line of a --help's exit code list per code, for @Command(exitCodeList = ...): a command
  // lists the codes it can end with, so that no help names an option the command does not have.
  static final String HELP_OK = "  " + OK + ":graded (whatever the score), or done";
  static final String HELP_INTERNAL_ERROR = "  " + INTERNAL_ERROR + ":the grader itself failed";
  static final String HELP_USAGE =
      "  " + USAGE + ":wrong command line or broken policy file; nothing graded";
  static final String HELP_SUBMISSION_UNUSABLE =
      "  " + SUBMISSION_UNUSABLE + ":submission unusable (missing, no .java file, refused zip)";
  static final String HELP_BELOW_MIN_SCORE =
      "  " + BELOW_MIN_SCORE + ":graded, but the score is below --min-score";
  static final String HELP_SELF_CHECK_FAILED =
      "  " + SELF_CHECK_FAILED + ":self-check failed (reference not full marks, or stubs not zero)";
  static final String HELP_ISOLATION_UNAVAILABLE =
      "  " + ISOLATION_UNAVAILABLE + ":the isolation asked for cannot be had here; nothing graded";

  private ExitCodes() {}
}
