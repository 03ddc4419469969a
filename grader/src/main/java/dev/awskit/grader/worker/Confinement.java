package dev.awskit.grader.worker;

import dev.awskit.grader.engine.Isolation;
import java.util.List;
import java.util.Map;

/**
 * Wraps the command of a worker JVM in what the operating system offers to keep it apart: nothing
 * more than the JVM's own confinement, a dedicated unprivileged uid, or bubblewrap's namespaces.
 */
sealed interface Confinement permits JvmConfinement, UidConfinement, BubblewrapConfinement {

  /** Returns the level this confinement gives, and what it consists of here. */
  Isolation isolation();

  /**
   * Tells whether workers see only their sandbox, so that the submission's classes must be copied
   * into it rather than read from the grader's scratch folder.
   */
  boolean copiesClasses();

  /**
   * Prepares {@code sandbox} for a worker (its owner, its permissions) and returns how to start
   * the worker whose plain command is {@code java} and whose environment is {@code environment}.
   *
   * @param classPath the entries of the worker's class path, which the worker must be able to read
   */
  ConfinedWorker confine(
      Sandbox sandbox, List<String> java, Map<String, String> environment, List<String> classPath);

  /** Deletes what the confinement prepared for its workers; it prepares it again when needed. */
  default void close() {}
}
