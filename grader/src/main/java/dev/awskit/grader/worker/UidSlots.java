package dev.awskit.grader.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out the unprivileged user ids that workers run as, one per live worker, across every grader
 * process of the machine: a uid is taken while its lock file is locked, and the lock goes with the
 * process that holds it, so a grader that dies frees its uids.
 *
 * <p>The lock files live in a folder only root can write, so code running as a worker's uid cannot
 * hold a slot to itself.
 */
final class UidSlots {

  /**
   * Holds the lock files this JVM has locked, whichever instance took them. The locks are POSIX
   * record locks, which belong to the process: closing any channel to a locked file, even one that
   * never held the lock, drops the process's lock on it, and another grader could then take a uid
   * whose worker is still running here (and end that worker with its own). So a file this JVM
   * holds is never opened again; this set mirrors state the operating system keeps per process.
   */
  private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

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
        Path file = folder.resolve(uid + ".lock").toAbsolutePath().normalize();
        if (!LOCKED_HERE.add(file)) {
          continue;
        }
        Optional<Slot> taken = Optional.empty();
        try {
          taken = tryTake(uid, file);
          if (taken.isPresent()) {
            return taken;
          }
        } finally {
          if (taken.isEmpty()) {
            LOCKED_HERE.remove(file);
          }
        }
      }
      return Optional.empty();
    } catch (IOException unwritable) {
      throw new UncheckedIOException("Cannot take a uid for a worker in " + folder, unwritable);
    }
  }

  /** Locks {@code file} for {@code uid}, or closes it again when another process holds it. */
  private static Optional<Slot> tryTake(int uid, Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() != null) {
        return Optional.of(new Slot(uid, channel, file));
      }
    } catch (IOException | RuntimeException unlockable) {
      channel.close();
      throw unlockable;
    }
    channel.close();
    return Optional.empty();
  }

  /**
   * Holds a taken uid until {@link #close}.
   *
   * @param uid the user id
   * @param lock the open lock file that holds it
   * @param file the lock file
   */
  record Slot(int uid, FileChannel lock, Path file) implements AutoCloseable {
    @Override
    public void close() {
      try {
        lock.close();
      } catch (IOException alreadyClosed) {
        // The lock went with the channel.
      }
      LOCKED_HERE.remove(file);
    }
  }
}
