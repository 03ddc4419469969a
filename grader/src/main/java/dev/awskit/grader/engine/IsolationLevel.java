package dev.awskit.grader.engine;

import java.util.Locale;

/**
 * Names how strongly the code under grading is kept from the grader and the machine, weakest
 * first, so that levels compare by their order.
 */
public enum IsolationLevel {
  /** Runs the tests in the grader's own JVM: for the grader's own tests of trusted code only. */
  NONE,
  /**
   * Runs the tests in a separate worker JVM that confines {@code java.nio.file} to its sandbox
   * folder; the operating system does not confine it.
   */
  JVM,
  /**
   * Runs the worker JVM as a dedicated unprivileged user with resource limits, so that the files
   * and processes of the grader are out of its reach.
   */
  UID,
  /**
   * Runs the worker JVM in bubblewrap's namespaces: its own users, processes, network and file
   * tree holding only the JDK, its libraries and its sandbox folder.
   */
  OS;

  /** Returns the level's name as users type it: {@code none}, {@code jvm}, {@code uid}, {@code os}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Tells whether this level is at least as strong as {@code other}. */
  public boolean atLeast(IsolationLevel other) {
    return compareTo(other) >= 0;
  }

  /**
   * Returns the level a user typed, in any case.
   *
   * @throws IllegalArgumentException when no level has that name
   */
  public static IsolationLevel parse(String label) {
    for (IsolationLevel level : values()) {
      if (level.label().equalsIgnoreCase(label.strip())) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "There is no isolation level '" + label + "': use os, uid or jvm.");
  }
}
