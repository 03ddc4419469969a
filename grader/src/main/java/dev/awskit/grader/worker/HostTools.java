package dev.awskit.grader.worker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Holds where the operating-system tools a confinement runs are: bubblewrap's {@code bwrap},
 * util-linux's {@code setpriv} and {@code prlimit}, and {@code kill}.
 *
 * @param bwrap the path of {@code bwrap}, or empty
 * @param setpriv the path of {@code setpriv}, or empty
 * @param prlimit the path of {@code prlimit}, or empty
 * @param kill the path of {@code kill}, or empty
 */
record HostTools(String bwrap, String setpriv, String prlimit, String kill) {

  /** Finds the tools on the {@code PATH} and in the usual folders. */
  static HostTools find() {
    return new HostTools(
        locate("bwrap").orElse(""),
        locate("setpriv").orElse(""),
        locate("prlimit").orElse(""),
        locate("kill").orElse(""));
  }

  /** Tells whether the uid tools are all there. */
  boolean hasUidTools() {
    return !setpriv.isEmpty() && !prlimit.isEmpty() && !kill.isEmpty();
  }

  private static Optional<String> locate(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    String folders = path + File.pathSeparator + "/usr/bin:/bin:/usr/sbin:/sbin";
    for (String folder : folders.split(File.pathSeparator)) {
      if (folder.isBlank()) {
        continue;
      }
      Path candidate = Path.of(folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath().toString());
      }
    }
    return Optional.empty();
  }
}
