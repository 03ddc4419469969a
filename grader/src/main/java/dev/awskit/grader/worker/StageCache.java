package dev.awskit.grader.worker;

import dev.awskit.grader.engine.ScratchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps staged class paths between runs of the grader, in a folder that only the grader's user may
 * write, so that a grader finds the stage of its jars made already instead of copying them again.
 * Nothing found there is used unchecked: the folders must belong to the grader's user and be
 * writable by nobody else, and every file must be what the stage's manifest says it was when it
 * was made; a stage that fails the check is made again beside it.
 */
final class StageCache {

  /** Raises the format when what a stage holds changes, so that older stages are not used. */
  private static final String FORMAT = "2";

  private static final int KEPT_STAGES = 3;
  private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  private final Path root;
  private final int owner;
  private final Clock clock;

  private StageCache(Path root, int owner, Clock clock) {
    this.root = root;
    this.owner = owner;
    this.clock = clock;
  }

  /**
   * Returns the cache in {@code root}, making the folder if it is missing, or empty when it cannot
   * be trusted: it must be a folder of the grader's user that nobody else may write, in a folder
   * where nobody else can replace it.
   */
  static Optional<StageCache> at(Path root, Clock clock) {
    try {
      int owner = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      Path absolute = root.toAbsolutePath().normalize();
      if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(absolute.getParent());
        try {
          Files.createDirectory(
              absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (FileAlreadyExistsException madeMeanwhile) {
          // Checked below like any other.
        }
      }
      StageCache cache = new StageCache(absolute, owner, clock);
      boolean parentSafe =
          absolute.getParent() == null || cache.safeParent(absolute.getParent());
      return parentSafe && cache.ownedAndClosed(absolute) ? Optional.of(cache) : Optional.empty();
    } catch (IOException | RuntimeException untrusted) {
      return Optional.empty();
    }
  }

  /** Returns the folder of the cache. */
  Path root() {
    return root;
  }

  /**
   * Returns the key of a stage of {@code entries} for the JDK this grader runs on, or empty when an
   * entry cannot be read. A jar is known by its path, size, time and inode; a folder of classes (a
   * build's own output) by the digest of every file in it, since a rebuild may leave its times
   * and sizes as they were.
   */
  static Optional<String> key(List<String> entries) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      StringBuilder text = new StringBuilder(FORMAT).append('\n');
      text.append(System.getProperty("java.home")).append('\n');
      text.append(System.getProperty("java.vm.version")).append('\n');
      for (String entry : entries) {
        Path path = Path.of(entry).toAbsolutePath().normalize();
        text.append(path).append('\t');
        if (Files.isDirectory(path)) {
          text.append(folderDigest(path));
        } else if (Files.isRegularFile(path)) {
          text.append(Files.size(path))
              .append('\t')
              .append(Files.getLastModifiedTime(path).toMillis())
              .append('\t')
              .append(Files.getAttribute(path, "unix:ino"));
        } else {
          return Optional.empty();
        }
        text.append('\n');
      }
      byte[] hash = digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return Optional.of(HexFormat.of().formatHex(hash, 0, 12));
    } catch (IOException | UncheckedIOException | UnsupportedOperationException
        | IllegalArgumentException unreadable) {
      return Optional.empty();
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every JDK has SHA-256", impossible);
    }
  }

  /** Returns the digest of the names and contents of every file below {@code folder}. */
  private static String folderDigest(Path folder) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(path -> !Files.isDirectory(path)).sorted().toList()) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("Not a plain file: " + file);
        }
        digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Returns the stage of {@code key} when it is there and unchanged, marking it as used; the manifest
   * returned is the one checked.
   */
  Optional<StageManifest> find(String key) {
    Path folder = folder(key);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !ownedAndClosed(folder)) {
      return Optional.empty();
    }
    if (!ownedAndClosed(folder.resolve(StageManifest.FILE))) {
      return Optional.empty();
    }
    Optional<StageManifest> manifest =
        StageManifest.readFrom(folder).filter(read -> read.unchangedIn(folder));
    if (manifest.isPresent()) {
      try {
        Files.setLastModifiedTime(folder, FileTime.from(clock.instant()));
      } catch (IOException untouchable) {
        // Only the pruning order depends on it.
      }
    }
    return manifest;
  }

  /** Returns the folder of the stage of {@code key}. */
  Path folder(String key) {
    return root.resolve("stage-" + key);
  }

  /** Makes and returns a new empty folder to build a stage in, before {@link #publish}. */
  Path newBuildFolder() throws IOException {
    return Files.createDirectory(
        root.resolve("building-" + UUID.randomUUID()),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }

  /**
   * Puts the stage built in {@code built} in place as the stage of {@code key}, moving aside one
   * that failed its check; when another grader put the same stage in place meanwhile, {@code
   * built} is deleted and theirs is used if it passes the check.
   *
   * @return the folder of the stage in place
   */
  Path publish(String key, Path built) throws IOException {
    Path target = folder(key);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && find(key).isEmpty()) {
      Files.move(target, root.resolve("stale-" + UUID.randomUUID()), StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
      prune(key);
      return target;
    } catch (IOException taken) {
      // Another grader's stage is there (rename refuses a folder that is not empty).
      ScratchSpace.delete(built);
      if (find(key).isPresent()) {
        return target;
      }
      throw new IOException("Another grader left an unusable stage in " + target, taken);
    }
  }

  /** Deletes all but the stages used last, and what builders abandoned. */
  private void prune(String kept) {
    try (Stream<Path> children = Files.list(root)) {
      List<Path> all = children.toList();
      List<Path> stages =
          all.stream()
              .filter(path -> path.getFileName().toString().startsWith("stage-"))
              .filter(path -> !path.equals(folder(kept)))
              .sorted(Comparator.comparing(StageCache::modified).reversed())
              .toList();
      for (Path old : stages.subList(Math.min(stages.size(), KEPT_STAGES - 1), stages.size())) {
        ScratchSpace.delete(old);
      }
      FileTime abandoned = FileTime.from(clock.instant().minus(ABANDONED_AFTER));
      for (Path path : all) {
        String name = path.getFileName().toString();
        boolean leftOver = name.startsWith("stale-") || name.startsWith("building-");
        if (leftOver && modified(path).compareTo(abandoned) < 0) {
          ScratchSpace.delete(path);
        }
      }
    } catch (IOException | UncheckedIOException unlistable) {
      // Pruning is tidiness; the stages in use are unaffected.
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException gone) {
      return FileTime.fromMillis(0);
    }
  }

  /** Tells whether {@code path} is no link, belongs to the grader's user, and only it may write. */
  private boolean ownedAndClosed(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      boolean link = Files.isSymbolicLink(path);
      return !link && uid == owner && (mode & 0022) == 0;
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  /**
   * Tells whether nobody but the grader's user or root can rename or replace what {@code parent}
   * holds: it may be written by them only, or be a sticky folder such as {@code /tmp}.
   */
  private boolean safeParent(Path parent) {
    try {
      int mode = (Integer) Files.getAttribute(parent, "unix:mode");
      int uid = (Integer) Files.getAttribute(parent, "unix:uid");
      boolean sticky = (mode & 01000) != 0;
      return sticky || ((uid == owner || uid == 0) && (mode & 0022) == 0);
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }
}
