package dev.awskit.grader.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * Identifies one state of a file: its inode, size and change time. Any write, rename into place,
 * link or permission change moves the change time, and no user-space call can set it back, so a
 * file whose stamp is unchanged has not been touched since the stamp was taken.
 *
 * @param inode the file system's key of the file (device and inode on Linux)
 * @param size the size in bytes
 * @param changed the change time ({@code ctime}) in nanoseconds
 */
record FileStamp(String inode, long size, long changed) {

  /** Returns the stamp of the regular file at {@code path}, or empty when it is no such file. */
  static Optional<FileStamp> of(Path path) {
    try {
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      Object inode = Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS);
      Object device = Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS);
      FileTime changed = (FileTime) Files.getAttribute(path, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
      return Optional.of(
          new FileStamp(
              device + ":" + inode,
              Files.size(path),
              changed.to(java.util.concurrent.TimeUnit.NANOSECONDS)));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** Returns the stamp as one tab-free field. */
  String field() {
    return inode + "/" + size + "/" + changed;
  }

  /** Reads a stamp back from {@link #field()}. */
  static Optional<FileStamp> parse(String field) {
    String[] parts = field.split("/");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new FileStamp(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
    } catch (NumberFormatException garbled) {
      return Optional.empty();
    }
  }
}
