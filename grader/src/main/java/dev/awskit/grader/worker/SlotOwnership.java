package dev.awskit.grader.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hands a sandbox to a worker's own uid: the folders it writes in become the uid's alone, its
 * classes folder readable by the uid's group only, and the sandbox root the grader's, so that the
 * worker can neither rename its classes folder nor look into another worker's sandbox.
 */
final class SlotOwnership {

  private SlotOwnership() {}

  /** Makes {@code sandbox} usable by {@code uid} and by nobody else but the grader. */
  static void handOver(Sandbox sandbox, int uid) {
    try {
      Files.setPosixFilePermissions(sandbox.root(), PosixFilePermissions.fromString("rwx--x--x"));
      for (Path folder : sandbox.writable()) {
        Files.setAttribute(folder, "unix:uid", uid);
        Files.setAttribute(folder, "unix:gid", uid);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      }
      Files.setAttribute(sandbox.classes(), "unix:gid", uid);
      Files.setPosixFilePermissions(sandbox.classes(), PosixFilePermissions.fromString("rwxr-x---"));
    } catch (IOException unchangeable) {
      throw new UncheckedIOException("Cannot hand a sandbox to uid " + uid, unchangeable);
    }
  }

  /** Returns the {@code setpriv} command that runs what follows as {@code uid}, up to its {@code --}. */
  static java.util.List<String> setpriv(String setpriv, int uid) {
    return java.util.List.of(
        setpriv,
        "--reuid=" + uid,
        "--regid=" + uid,
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--");
  }
}
