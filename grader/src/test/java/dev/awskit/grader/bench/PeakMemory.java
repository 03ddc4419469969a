package dev.awskit.grader.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Samples the peak resident memory (Linux {@code VmHWM}) of a process and all its descendants,
 * grouped by the role each process plays: the grader, a worker JVM, Maven, a Surefire fork.
 */
final class PeakMemory {

  /** Describes the peak of one role: the largest process's peak, and how many processes ran. */
  record Peak(long kibibytes, int processes) {
    double mebibytes() {
      return kibibytes / 1024.0;
    }
  }

  private final Map<Long, Long> peakByPid = new ConcurrentHashMap<>();
  private final Map<Long, String> roleByPid = new ConcurrentHashMap<>();

  /** Reads the current high-water mark of {@code root} and each of its descendants. */
  void sample(ProcessHandle root) {
    Stream.concat(Stream.of(root), root.descendants()).forEach(this::sampleOne);
  }

  private void sampleOne(ProcessHandle process) {
    long pid = process.pid();
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      for (String line : Files.readAllLines(proc.resolve("status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          peakByPid.merge(pid, kib, Math::max);
        }
      }
      // Read each time: a wrapper script (mvnw) execs into the JVM under the same pid. An ended
      // process has no command line left, and keeps the role it was last seen with.
      role(proc).ifPresent(role -> roleByPid.put(pid, role));
    } catch (IOException | RuntimeException gone) {
      // The process ended between listing and reading; its last sample stands.
    }
  }

  private static Optional<String> role(Path proc) {
    String command;
    try {
      command = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
    } catch (IOException gone) {
      return Optional.empty();
    }
    return command.isEmpty() ? Optional.empty() : Optional.of(roleOf(command));
  }

  private static String roleOf(String command) {
    if (command.contains("surefire")) {
      return "surefire fork";
    }
    if (command.contains("plexus-classworlds") || command.contains("maven-wrapper")) {
      return "maven";
    }
    if (command.contains("dev.awskit.grader.worker")) {
      return "worker JVM";
    }
    if (command.contains("awskit-grader.jar")) {
      return "grader";
    }
    return command.startsWith("/bin/sh") || command.contains("bash") ? "shell" : "other";
  }

  /** Returns the peak per role seen so far. */
  Map<String, Peak> peaks() {
    Map<String, Peak> peaks = new TreeMap<>();
    peakByPid.forEach(
        (pid, kib) ->
            peaks.merge(
                roleByPid.getOrDefault(pid, "other"),
                new Peak(kib, 1),
                (a, b) -> new Peak(Math.max(a.kibibytes(), b.kibibytes()), a.processes() + b.processes())));
    return peaks;
  }
}
