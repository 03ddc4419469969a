package dev.awskit.grader.worker;

import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.IsolationLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts each worker as an unprivileged uid of its own, through util-linux's {@code setpriv} (no
 * capabilities, no new privileges) and {@code prlimit}: for a grader that runs as root where
 * bubblewrap cannot run. The worker reads only what that uid may read, writes only its sandbox and
 * the world-writable folders, and every process it starts is ended with the uid.
 *
 * @param tools where {@code setpriv}, {@code prlimit} and {@code kill} are
 * @param slots the uids workers take
 * @param limits the resource limits
 * @param stage where the class path is put for the workers' uids to read
 */
record UidConfinement(
    HostTools tools, UidSlots slots, ResourceLimits limits, ClassPathStage stage)
    implements Confinement {

  @Override
  public Isolation isolation() {
    return new Isolation(
        IsolationLevel.UID,
        "a worker JVM as its own unprivileged uid through setpriv, with prlimit limits; no"
            + " namespaces");
  }

  @Override
  public void close() {
    stage.delete();
  }

  @Override
  public boolean copiesClasses() {
    return true;
  }

  @Override
  public ConfinedWorker confine(
      Sandbox sandbox, List<String> java, Map<String, String> environment, List<String> classPath) {
    UidSlots.Slot slot =
        slots.take().orElseThrow(() -> new IllegalStateException("Every worker uid is taken"));
    SlotOwnership.handOver(sandbox, slot.uid(), false);
    List<String> command = new ArrayList<>(SlotOwnership.setpriv(tools.setpriv(), slot.uid()));
    command.addAll(limits.prlimit(tools.prlimit(), true));
    ClassPathStage.Staged staged = stage.of(classPath);
    command.addAll(ClassPathStage.withClassPath(java, staged));
    return new ConfinedWorker(
        command,
        environment,
        0,
        Optional.of(slot),
        Optional.of(new UserProcesses(tools.setpriv(), tools.kill())),
        List.of(staged.hiddenClassesLine()));
  }
}
