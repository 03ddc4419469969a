package dev.awskit.grader.worker;

import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.IsolationLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Starts each worker in bubblewrap ({@code bwrap}): new user, process, IPC, host-name, network and
 * mount namespaces, a new session, and a file tree of read-only binds of exactly the system's
 * libraries, the JDK and the worker's class path, a private {@code /tmp}, a minimal {@code /dev},
 * and its sandbox folder as the only place it can write. There is no {@code /proc}: nothing in
 * the worker needs it, and without it a submission can read neither its own memory nor another
 * process's environment. The worker dies with the grader, and everything it started dies with its
 * process namespace.
 *
 * <p>When the grader runs as root, each worker also gets a uid of its own ({@code setpriv}) before
 * bubblewrap starts, so that the process limit counts only that worker's processes and the files
 * of the grader stay unreadable even through a hole in the namespaces.
 *
 * @param tools where the tools are
 * @param version bubblewrap's version line
 * @param slots the uids workers take when the grader runs as root, or empty
 * @param stage where the class path is put, without the hidden tests, for the workers to read
 * @param limits the resource limits
 * @param javaHome the JDK the worker runs on
 * @param systemBinds the arguments that bind the system's libraries and the JDK
 */
record BubblewrapConfinement(
    HostTools tools,
    String version,
    Optional<UidSlots> slots,
    ClassPathStage stage,
    ResourceLimits limits,
    Path javaHome,
    List<String> systemBinds)
    implements Confinement {

  /** Names the system's library folders the JDK's native code loads from. */
  private static final List<String> LIBRARY_FOLDERS =
      List.of("/usr/lib", "/usr/lib64", "/usr/lib32", "/lib", "/lib64", "/lib32", "/libx32");

  /** Names the uid and gid the worker has inside its user namespace: nobody. */
  private static final String INSIDE_ID = "65534";

  /** Copies the binds. */
  BubblewrapConfinement {
    systemBinds = List.copyOf(systemBinds);
  }

  /** Returns a confinement whose workers run on the JDK at {@code javaHome}. */
  static BubblewrapConfinement of(
      HostTools tools,
      String version,
      Optional<UidSlots> slots,
      ClassPathStage stage,
      ResourceLimits limits,
      Path javaHome) {
    return new BubblewrapConfinement(
        tools, version, slots, stage, limits, javaHome, systemBinds(javaHome));
  }

  @Override
  public Isolation isolation() {
    return new Isolation(
        IsolationLevel.OS,
        version
            + ": user, process, network, IPC and mount namespaces; only the JDK, its libraries, the"
            + " class path and the sandbox mounted; no /proc"
            + (slots.isPresent() ? "; its own uid with prlimit limits" : "; prlimit limits"));
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
    Optional<UidSlots.Slot> slot = slots.flatMap(UidSlots::take);
    if (slots.isPresent() && slot.isEmpty()) {
      throw new IllegalStateException("Every worker uid is taken");
    }
    slot.ifPresent(taken -> SlotOwnership.handOver(sandbox, taken.uid(), true));
    ClassPathStage.Staged staged = stage.of(classPath);
    List<String> readable = staged.classPath();
    List<String> command = new ArrayList<>();
    slot.ifPresent(taken -> command.addAll(SlotOwnership.setpriv(tools.setpriv(), taken.uid())));
    if (!tools.prlimit().isEmpty()) {
      command.addAll(limits.prlimit(tools.prlimit(), slot.isPresent()));
    }
    command.addAll(
        List.of(
            tools.bwrap(),
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--uid",
            INSIDE_ID,
            "--gid",
            INSIDE_ID));
    command.addAll(systemBinds);
    command.addAll(List.of("--dev", "/dev", "--tmpfs", "/tmp"));
    command.addAll(List.of("--bind", sandbox.root().toString(), sandbox.root().toString()));
    command.addAll(roBind(sandbox.classes()));
    for (String entry : readable) {
      command.addAll(roBind(Path.of(entry)));
    }
    staged.archive().ifPresent(archive -> command.addAll(roBind(archive)));
    command.addAll(List.of("--chdir", sandbox.work().toString()));
    environment.forEach((name, value) -> command.addAll(List.of("--setenv", name, value)));
    // No /proc, so the loader cannot find the JDK's libraries through the executable's path.
    command.addAll(List.of("--setenv", "LD_LIBRARY_PATH", javaHome.resolve("lib").toString()));
    command.add("--");
    command.addAll(ClassPathStage.withClassPath(java, staged));
    return new ConfinedWorker(
        command,
        Map.of(),
        2,
        slot,
        slot.map(taken -> new UserProcesses(tools.setpriv(), tools.kill())),
        List.of(staged.hiddenClassesLine()));
  }

  /** Returns the binds of the system's libraries and of the JDK, with the files it links to. */
  private static List<String> systemBinds(Path javaHome) {
    List<String> binds = new ArrayList<>();
    for (String folder : LIBRARY_FOLDERS) {
      Path path = Path.of(folder);
      try {
        if (Files.isSymbolicLink(path)) {
          binds.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), folder));
        } else if (Files.isDirectory(path)) {
          binds.addAll(List.of("--ro-bind", folder, folder));
        }
      } catch (IOException unreadable) {
        // A folder that cannot be read cannot be bound either; the probe finds out if it matters.
      }
    }
    binds.addAll(roBind(javaHome));
    for (Path target : targetsOutside(javaHome)) {
      binds.addAll(roBind(target));
    }
    return binds;
  }

  private static List<String> roBind(Path path) {
    Path given = path.toAbsolutePath().normalize();
    try {
      return List.of("--ro-bind", given.toRealPath().toString(), given.toString());
    } catch (IOException missing) {
      return List.of("--ro-bind-try", given.toString(), given.toString());
    }
  }

  /**
   * Returns the real files that links inside the JDK lead to outside it and outside the library
   * folders (Debian keeps the JDK's configuration in {@code /etc}).
   */
  private static Set<Path> targetsOutside(Path javaHome) {
    Set<Path> targets = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(javaHome)) {
      for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
        try {
          Path target = link.toRealPath();
          boolean inside =
              target.startsWith(javaHome.toRealPath())
                  || LIBRARY_FOLDERS.stream().anyMatch(folder -> target.startsWith(folder));
          if (!inside) {
            targets.add(target);
          }
        } catch (IOException dangling) {
          // A link to nothing needs no bind.
        }
      }
    } catch (IOException | UncheckedIOException unreadable) {
      // The probe finds out if the JDK cannot start without them.
    }
    return targets;
  }
}
