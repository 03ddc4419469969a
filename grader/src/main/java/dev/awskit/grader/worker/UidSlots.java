package dev.awskit.grader.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Hands out the unprivileged user ids that workers run as, one per live worker, across every grader
 * process of the machine: a uid is taken while its lock file is locked, and the lock goes with the
 * process that holds it, so a grader that dies frees its uids.
 *
 * <p>The lock files live in a folder only root can write, so code running as a worker's uid cannot
 * hold a slot to itself.
 */
final class UidSlots {

  private final Path folder;
  private final int firstUid;
  private final int count;

  /** Creates slots for the uids {@code firstUid} to {@code firstUid + count - 1}. */
  UidSlots(Path folder, int firstUid, int count) {
    this.folder = folder;
    this.firstUid = firstUid;
    this.count = count;
  }

  /** Returns the slots of the default range: uids 64000 to 64999, locked under {@code folder}. */
  static UidSlots defaults(Path folder) {
    return new UidSlots(folder, 64_000, 1_000);
  }

  /** Returns the lowest free uid, now taken, or empty when every uid of the range is taken. */
  Optional<Slot> take() {
    try {
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      for (int uid = firstUid; uid < firstUid + count; uid++) {
        FileChannel channel =
            FileChannel.open(
                folder.resolve(uid + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
          FileLock lock = channel.tryLock();
          if (lock != null) {
            return Optional.of(new Slot(uid, channel));
          }
        } catch (OverlappingFileLockException takenHere) {
          // Another worker of this grader holds it.
        }
        channel.close();
      }
      return Optional.empty();
    } catch (IOException unwritable) {
      throw new UncheckedIOException("Cannot take a uid for a worker in " + folder, unwritable);
    }
  }

  /**
   * Holds a taken uid until {@link #close}.
   *
   * @param uid the user id
   * @param lock the open lock file that holds it
   */
  record Slot(int uid, FileChannel lock) implements AutoCloseable {
    @Override
    public void close() {
      try {
        lock.close();
      } catch (IOException alreadyClosed) {
        // The lock went with the channel.
      }
    }
  }
}
