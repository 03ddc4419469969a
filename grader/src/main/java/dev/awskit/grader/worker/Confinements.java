package dev.awskit.grader.worker;

import dev.awskit.grader.engine.IsolationLevel;
import dev.awskit.grader.engine.ScratchOwner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Chooses the confinement of a runner's workers: for each level the choice allows, strongest
 * first, it checks that the tools are there and then starts a real worker in it; the first that
 * starts is taken. The probe is what decides, because a tool that is installed may still be
 * refused by the machine (a container whose seccomp profile forbids user namespaces, say).
 */
final class Confinements {

  private final HostTools tools;
  private final Path javaHome;
  private final boolean root;
  private final Path slotFolder;
  private final Path cacheFolder;

  Confinements(HostTools tools, Path javaHome, boolean root, Path slotFolder, Path cacheFolder) {
    this.tools = tools;
    this.javaHome = javaHome;
    this.root = root;
    this.slotFolder = slotFolder;
    this.cacheFolder = cacheFolder;
  }

  /** Returns the chooser for this machine and the JDK the grader runs on. */
  static Confinements forThisMachine() {
    Path run = Path.of("/run");
    Path slots =
        Files.isDirectory(run) && Files.isWritable(run)
            ? run.resolve("awskit-grader")
            : Path.of(System.getProperty("java.io.tmpdir"), "awskit-grader-uids");
    boolean root = runsAsRoot();
    return new Confinements(
        HostTools.find(), Path.of(System.getProperty("java.home")), root, slots, cacheFolder(root));
  }

  /**
   * Returns where the grader keeps the staged class paths of its workers: {@code
   * AWSKIT_GRADER_CACHE} when set, {@code /var/cache/awskit-grader} for root, and a folder of the
   * user's own in the temporary folder otherwise. Worker uids must be able to enter it, so it is
   * never in a home folder.
   */
  static Path cacheFolder(boolean root) {
    String chosen = System.getenv("AWSKIT_GRADER_CACHE");
    if (chosen != null && !chosen.isBlank()) {
      return Path.of(chosen);
    }
    Path system = Path.of("/var/cache");
    if (root && Files.isDirectory(system) && Files.isWritable(system)) {
      return system.resolve("awskit-grader");
    }
    return Path.of(
        System.getProperty("java.io.tmpdir"), "awskit-grader-" + System.getProperty("user.name"));
  }

  private static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknown) {
      return false;
    }
  }

  /**
   * Returns the strongest confinement {@code choice} allows that {@code probe} can start a worker
   * in; the probe returns why it could not, or empty when it could.
   *
   * @throws IsolationUnavailableException when none of the levels works, with every reason
   */
  Confinement choose(IsolationChoice choice, Function<Confinement, Optional<String>> probe) {
    List<String> reasons = new ArrayList<>();
    for (IsolationLevel level : choice.candidates()) {
      Optional<Confinement> candidate = candidate(level, reasons);
      if (candidate.isEmpty()) {
        continue;
      }
      Optional<String> failure = probe.apply(candidate.get());
      if (failure.isEmpty()) {
        return candidate.get();
      }
      // What the probe prepared for it (a staged class path) goes with the level.
      candidate.get().close();
      reasons.add(level.label() + ": a worker did not start in it: " + failure.get());
    }
    throw new IsolationUnavailableException(
        "The isolation level "
            + choice.label()
            + " cannot be had on this machine. "
            + String.join(" ", reasons));
  }

  private Optional<Confinement> candidate(IsolationLevel level, List<String> reasons) {
    switch (level) {
      case OS -> {
        if (tools.bwrap().isEmpty()) {
          reasons.add("os: bubblewrap (bwrap) is not installed (Debian and Ubuntu: apt-get install bubblewrap).");
          return Optional.empty();
        }
        Optional<UidSlots> slots =
            root && tools.hasUidTools()
                ? Optional.of(UidSlots.defaults(slotFolder))
                : Optional.empty();
        return Optional.of(
            BubblewrapConfinement.of(
                tools, bubblewrapVersion(), slots, newStage(), ResourceLimits.defaults(), javaHome));
      }
      case UID -> {
        if (!root) {
          reasons.add("uid: the grader does not run as root, so it cannot run a worker as another user.");
          return Optional.empty();
        }
        if (!tools.hasUidTools()) {
          reasons.add("uid: setpriv, prlimit or kill is missing (Debian and Ubuntu: util-linux, procps).");
          return Optional.empty();
        }
        return Optional.of(
            new UidConfinement(
                tools, UidSlots.defaults(slotFolder), ResourceLimits.defaults(), newStage()));
      }
      case JVM -> {
        return Optional.of(new JvmConfinement());
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** Returns the cache of staged class paths, when this machine has one the grader can trust. */
  Optional<StageCache> cache() {
    return StageCache.at(cacheFolder, Clock.systemUTC());
  }

  /** Returns a new stage, kept in the cache when the class path allows it. */
  ClassPathStage newStage() {
    return new ClassPathStage(
        cache(),
        Path.of(
            System.getProperty("java.io.tmpdir"),
            ScratchOwner.prefix("awskit-classpath-") + java.util.UUID.randomUUID()));
  }

  private String bubblewrapVersion() {
    try {
      Process process =
          new ProcessBuilder(tools.bwrap(), "--version").redirectErrorStream(true).start();
      String line = new String(process.getInputStream().readAllBytes()).strip();
      process.waitFor(5, TimeUnit.SECONDS);
      return line.isEmpty() ? "bubblewrap" : line;
    } catch (IOException unreadable) {
      return "bubblewrap";
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return "bubblewrap";
    }
  }
}
