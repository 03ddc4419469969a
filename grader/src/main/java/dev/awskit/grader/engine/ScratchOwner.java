package dev.awskit.grader.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Marks the folders a grader process makes in shared temporary folders as its own, so that none
 * outlives the process for long: a grader stopped by a signal removes its own on the way out,
 * and the next grader removes what a killed one left.
 *
 * <p>Every such folder's name carries the process's tag ({@link #prefix}): its process id and the
 * time it started. The process that {@linkplain #claim claims} a parent folder holds a lock on a
 * file there named after its tag ({@code awskit-owner-TAG.lock}) for as long as it runs. The
 * operating system releases the lock when the process ends, however it ends, and in every PID
 * namespace alike; so a lock file that another process can lock belongs to a process that is gone,
 * and its folders can go too. A folder whose owner left no lock file (a grader run as a library,
 * or one older than this class) is never removed.
 */
public final class ScratchOwner implements AutoCloseable {

  /** Names the start of every folder and lock file this class knows of. */
  private static final String FAMILY = "awskit-";

  private static final String LOCK_PREFIX = FAMILY + "owner-";
  private static final String LOCK_SUFFIX = ".lock";

  /** Tells this process from every other on the machine, now and after its id is reused. */
  private static final String TAG = tagOf(ProcessHandle.current());

  private final List<Path> parents;
  private final List<Held> held;
  private final int swept;
  private boolean closed;

  private ScratchOwner(List<Path> parents, List<Held> held, int swept) {
    this.parents = parents;
    this.held = held;
    this.swept = swept;
  }

  private record Held(Path lockFile, FileChannel channel, FileLock lock) {}

  /**
   * Returns {@code base} followed by this process's tag: the start of the name of a folder or file
   * that this process makes in a shared temporary folder, {@code base} being, for instance, {@code
   * "awskit-grade-"}.
   */
  public static String prefix(String base) {
    if (!base.startsWith(FAMILY) || !base.endsWith("-")) {
      throw new IllegalArgumentException("Not a prefix of the grader's folders: " + base);
    }
    return base + TAG + "-";
  }

  /**
   * Removes from each of {@code parents} what graders that are gone left there, then marks this
   * process as the owner of its own folders there until {@link #close}. A missing parent is
   * created; one that cannot be created or written is left alone.
   */
  public static ScratchOwner claim(Collection<Path> parents) {
    List<Path> distinct = new ArrayList<>(new LinkedHashSet<>(parents));
    int swept = 0;
    List<Held> held = new ArrayList<>();
    for (Path parent : distinct) {
      try {
        Files.createDirectories(parent);
      } catch (IOException | RuntimeException unwritable) {
        continue;
      }
      if (!Files.isWritable(parent)) {
        continue;
      }
      swept += sweep(parent);
      hold(parent).ifPresent(held::add);
    }
    return new ScratchOwner(List.copyOf(distinct), held, swept);
  }

  /**
   * Claims {@code parents} as {@link #claim} does, and has the JVM delete this process's folders
   * there as it shuts down: a grader stopped by a signal never reaches its own clean-up. The lock
   * files stay held until the process ends, so that a folder its threads make after that (they run
   * on while the JVM shuts down) is the next grader's to remove.
   */
  public static ScratchOwner claimUntilExit(Collection<Path> parents) {
    ScratchOwner owner = claim(parents);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(owner::deleteOwnFolders, "awskit-scratch-clean-up"));
    return owner;
  }

  /** Returns how many folders and files of graders that were gone {@link #claim} removed. */
  public int swept() {
    return swept;
  }

  /**
   * Deletes every folder and file of this process in the claimed parents: what a grader stopped
   * by a signal leaves, since its threads never reach their own clean-up.
   */
  public void deleteOwnFolders() {
    for (Path parent : parents) {
      deleteTagged(parent, TAG);
    }
  }

  /** Releases the locks and deletes the lock files; the folders stay with their users. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Held one : held) {
      try {
        Files.deleteIfExists(one.lockFile());
        one.lock().release();
        one.channel().close();
      } catch (IOException ignored) {
        // The process ends soon, and the operating system releases the lock then.
      }
    }
  }

  private static Optional<Held> hold(Path parent) {
    // Locked under a name no sweep looks at, then renamed: a sweep never sees it unlocked.
    Path claiming = parent.resolve(LOCK_PREFIX + TAG + ".claiming");
    Path lockFile = parent.resolve(LOCK_PREFIX + TAG + LOCK_SUFFIX);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(claiming, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.lock();
      Files.move(claiming, lockFile, StandardCopyOption.ATOMIC_MOVE);
      return Optional.of(new Held(lockFile, channel, lock));
    } catch (IOException | RuntimeException unwritable) {
      // Unclaimed, this grader's folders are never swept; they are still deleted as it ends.
      try {
        Files.deleteIfExists(claiming);
        if (channel != null) {
          channel.close();
        }
      } catch (IOException ignored) {
        // Nothing more can be done about a folder that refuses its own lock file.
      }
      return Optional.empty();
    }
  }

  private static int sweep(Path parent) {
    int removed = 0;
    for (Path lockFile : list(parent)) {
      String name = lockFile.getFileName().toString();
      if (!name.startsWith(LOCK_PREFIX) || !name.endsWith(LOCK_SUFFIX)) {
        continue;
      }
      String tag = name.substring(LOCK_PREFIX.length(), name.length() - LOCK_SUFFIX.length());
      if (tag.equals(TAG) || !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        if (lock != null) {
          removed += deleteTagged(parent, tag);
          // The lock file goes last, once nothing of its tag is left for a later sweep.
          if (tagged(parent, tag).isEmpty()) {
            Files.deleteIfExists(lockFile);
          }
        }
      } catch (IOException | OverlappingFileLockException | SecurityException inUse) {
        // Held by a live process (this one, or another user's), or not ours to open: left alone.
      }
    }
    return removed;
  }

  private static int deleteTagged(Path parent, String tag) {
    int removed = 0;
    for (Path entry : tagged(parent, tag)) {
      // What cannot be removed now waits for the next sweep.
      if (ScratchSpace.delete(entry)) {
        removed++;
      }
    }
    return removed;
  }

  private static List<Path> tagged(Path parent, String tag) {
    String mark = "-" + tag + "-";
    return list(parent).stream()
        .filter(entry -> entry.getFileName().toString().contains(mark))
        .toList();
  }

  private static List<Path> list(Path parent) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, FAMILY + "*")) {
      stream.forEach(entries::add);
    } catch (IOException | RuntimeException unreadable) {
      return List.of();
    }
    return entries;
  }

  private static String tagOf(ProcessHandle process) {
    long started =
        process
            .info()
            .startInstant()
            .map(Instant::toEpochMilli)
            .orElseGet(System::currentTimeMillis);
    return process.pid() + "." + started;
  }
}
