package dev.awskit.grader.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a sandbox to a worker's own uid: the folders it writes in become the uid's alone and its
 * classes folder readable by the uid's group only, so that no other worker can look into it.
 *
 * <p>The worker may write in the sandbox root too, so that a relative path that climbs out of the
 * working folder still lands in it. Under bubblewrap the classes folder is a read-only mount
 * point, which cannot be renamed, so the root is simply the uid's. Without namespaces (the {@code
 * uid} level) the root stays the grader's, writable by the uid's group and sticky, so that the
 * worker can add files there but cannot rename the grader's classes folder and put class files of
 * its own in its place.
 */
final class SlotOwnership {

  private SlotOwnership() {}

  /**
   * Makes {@code sandbox} usable by {@code uid} and by nobody else but the grader; hands over its
   * root too when {@code rootToo}.
   */
  static void handOver(Sandbox sandbox, int uid, boolean rootToo) {
    try {
      List<Path> owned = new ArrayList<>(sandbox.writable());
      if (rootToo) {
        owned.add(sandbox.root());
      } else {
        Files.setAttribute(sandbox.root(), "unix:gid", uid);
        // rwxrwx--- with the sticky bit, which PosixFilePermission cannot express.
        Files.setAttribute(sandbox.root(), "unix:mode", 01770);
      }
      for (Path folder : owned) {
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
  static List<String> setpriv(String setpriv, int uid) {
    return List.of(
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
