package dev.awskit.grader.worker;

import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.IsolationLevel;
import java.util.List;
import java.util.Map;

/**
 * Starts workers as they are: the worker JVM confines {@code java.nio.file} to its sandbox, and the
 * operating system adds nothing, so the worker runs as the grader's own user.
 */
record JvmConfinement() implements Confinement {

  @Override
  public Isolation isolation() {
    return new Isolation(
        IsolationLevel.JVM,
        "a worker JVM of the grader's own user: java.nio.file confined to its sandbox, no"
            + " operating-system confinement");
  }

  @Override
  public boolean copiesClasses() {
    return false;
  }

  @Override
  public ConfinedWorker confine(
      Sandbox sandbox, List<String> java, Map<String, String> environment, List<String> classPath) {
    return ConfinedWorker.plain(java, environment);
  }
}
