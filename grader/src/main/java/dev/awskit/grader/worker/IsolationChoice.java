package dev.awskit.grader.worker;

import dev.awskit.grader.engine.IsolationLevel;
import java.util.List;
import java.util.Locale;

/**
 * Names the isolation an instructor asks for: the best this machine gives ({@link #AUTO}), or one
 * level exactly.
 */
public enum IsolationChoice {
  /** Takes the strongest level that works here: os, then uid, then jvm. */
  AUTO(List.of(IsolationLevel.OS, IsolationLevel.UID, IsolationLevel.JVM)),
  /** Takes bubblewrap's namespaces, or nothing. */
  OS(List.of(IsolationLevel.OS)),
  /** Takes a dedicated unprivileged uid (the grader must run as root), or nothing. */
  UID(List.of(IsolationLevel.UID)),
  /** Takes the worker JVM's own confinement only. */
  JVM(List.of(IsolationLevel.JVM));

  private final List<IsolationLevel> candidates;

  IsolationChoice(List<IsolationLevel> candidates) {
    this.candidates = candidates;
  }

  /** Returns the levels this choice tries, strongest first. */
  public List<IsolationLevel> candidates() {
    return candidates;
  }

  /** Returns the choice's name as users type it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
