package dev.awskit.grader.scoring;

import java.io.Serial;

/** Reports a policy file that cannot be used, naming the file and the line of the problem. */
public final class PolicyException extends Exception {

  @Serial private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param file the policy file's name as the user gave it
   * @param line the line of the problem, 1-based, or 0 when it concerns the whole file
   * @param problem what is wrong, in plain words
   */
  public PolicyException(String file, int line, String problem) {
    super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** Returns the policy file's name. */
  public String file() {
    return file;
  }

  /** Returns the line of the problem, 1-based, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  /** Returns what is wrong, without the file and line. */
  public String problem() {
    return problem;
  }
}
