package dev.awskit.grader.engine;

import java.util.Objects;

/**
 * Describes how a runner keeps the code under grading apart: the level, and in words what it found
 * on this machine (the tool and its version, what is confined).
 *
 * @param level the level
 * @param detail what the level consists of here, for the instructor
 */
public record Isolation(IsolationLevel level, String detail) {

  /** Checks that both parts are given. */
  public Isolation {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns the isolation of tests run in the grader's own JVM. */
  public static Isolation none() {
    return new Isolation(IsolationLevel.NONE, "tests run in the grader's own JVM");
  }

  /** Returns the level and the detail as one line, e.g. {@code os (bubblewrap 0.8.0: ...)}. */
  public String describe() {
    return detail.isBlank() ? level.label() : level.label() + " (" + detail + ")";
  }
}
