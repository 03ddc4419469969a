package dev.awskit.grader.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * Lists, for a {@code --help}, the codes any command can end with (0, 1 and 2) and {@code
   * beyond}, each with its meaning, in the order of their numbers.
   */
  static Map<String, String> helpList(int... beyond) {
    Set<Integer> codes = new TreeSet<>(List.of(OK, INTERNAL_ERROR, USAGE));
    Arrays.stream(beyond).forEach(codes::add);
    Map<String, String> list = new LinkedHashMap<>();
    for (int code : codes) {
      list.put("  " + code, meaning(code));
    }
    return list;
  }

  /** Lists every code, for the program's own {@code --help}. */
  static Map<String, String> helpListOfEveryCode() {
    return helpList(SUBMISSION_UNUSABLE, BELOW_MIN_SCORE, SELF_CHECK_FAILED, ISOLATION_UNAVAILABLE);
  }

  private static String meaning(int code) {
    return switch (code) {
      case OK -> "graded (whatever the score), or done";
      case INTERNAL_ERROR -> "the grader itself failed";
      case USAGE -> "wrong command line or broken policy file; nothing graded";
      case SUBMISSION_UNUSABLE -> "submission unusable (missing, no .java file, refused zip)";
      case BELOW_MIN_SCORE -> "graded, but the score is below --min-score";
      case SELF_CHECK_FAILED -> "self-check failed (reference not full marks, or stubs not zero)";
      case ISOLATION_UNAVAILABLE -> "the isolation asked for cannot be had here; nothing graded";
      default -> throw new IllegalArgumentException("No exit code " + code);
    };
  }
}
