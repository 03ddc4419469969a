package dev.awskit.grader.engine;

import dev.awskit.grader.intake.IntakeLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Holds where the grader writes the folders that live only while one submission is graded (its
 * sources taken in, its compiled classes) or while the class view is made (the sources the
 * similarity check reads).
 *
 * <p>A batch creates and deletes about eighty files per submission there. On a file system
 * kept in memory that costs next to nothing; on an ext4 file system without a journal, every new
 * file steps past each file deleted in the last minute or two, so that the cost grows with the
 * square of the class (docs/performance/where-the-time-goes-2026-12-05-early.md, "Files a batch
 * writes"). Hence the choice: {@value #VARIABLE} when it is set; otherwise {@code /dev/shm} when
 * the system's temporary folder is not in memory but {@code /dev/shm} is, and has at least {@value
 * #MIN_FREE_BYTES} bytes free (a container's 64 MB does not qualify) and four times what one grade
 * per processor is reckoned to write ({@link #oneGradeWrites}); otherwise the system's temporary
 * folder.
 *
 * <p>Worker sandboxes stay in the system's temporary folder: code under grading writes there, and
 * a file system in memory would let it spend the machine's memory instead of its disk. Work whose
 * size grows with the class asks for room first ({@link #withRoomForSourcesOf}).
 *
 * @param root the folder new scratch folders are made in
 */
public record ScratchSpace(Path root) {

  /** Names the environment variable that sets the folder. */
  public static final String VARIABLE = "AWSKIT_GRADER_SCRATCH";

  /** Names the least free space a memory file system must have to be chosen: 1 GiB. */
  static final long MIN_FREE_BYTES = 1L << 30;

  /** Returns the system's temporary folder as scratch space. */
  public static ScratchSpace systemTemp() {
    return new ScratchSpace(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** Chooses the scratch space for this machine, as the class comment says, from the environment. */
  public static ScratchSpace choose(Map<String, String> environment) {
    int processors = Runtime.getRuntime().availableProcessors();
    long needed = Math.max(MIN_FREE_BYTES, 4 * oneGradeWrites() * processors);
    return choose(
        environment.get(VARIABLE),
        systemTemp().root(),
        Path.of("/dev/shm"),
        folder -> inMemoryWithRoom(folder, needed));
  }

  /**
   * Chooses between a configured folder, the system's temporary folder and a memory file system.
   *
   * @param configured the folder the user set, or null
   * @param systemTemp the system's temporary folder
   * @param memory the usual mount point of a memory file system
   * @param roomyMemory tells whether a folder is on a memory file system with room enough
   */
  static ScratchSpace choose(
      String configured, Path systemTemp, Path memory, FileSystemCheck roomyMemory) {
    if (configured != null && !configured.isBlank()) {
      return new ScratchSpace(Path.of(configured).toAbsolutePath());
    }
    if (!roomyMemory.holds(systemTemp) && roomyMemory.holds(memory) && Files.isWritable(memory)) {
      return new ScratchSpace(memory);
    }
    return new ScratchSpace(systemTemp);
  }

  /**
   * Returns this scratch space if it has room for the sources of {@code submissions} students, each
   * at the most the intake takes ({@link IntakeLimits#defaults()}), else the system's temporary
   * folder: for the similarity check's copies, which grow with the class.
   */
  public ScratchSpace withRoomForSourcesOf(int submissions) {
    return withRoomFor(submissions * IntakeLimits.defaults().maxExpandedBytes());
  }

  /**
   * Returns what one grade is reckoned to write: its sources at the intake's bound and twice that
   * for their classes (a source of many tiny classes can make javac write more).
   */
  static long oneGradeWrites() {
    return 3 * IntakeLimits.defaults().maxExpandedBytes();
  }

  /**
   * Returns this scratch space if its file system has four times {@code bytes} free, else the
   * system's temporary folder, so that work which grows with the class cannot fill a file system
   * in memory.
   */
  ScratchSpace withRoomFor(long bytes) {
    try {
      Files.createDirectories(root);
      long usable = Files.getFileStore(root).getUsableSpace();
      return bytes <= usable / 4 ? this : systemTemp();
    } catch (IOException | RuntimeException unknown) {
      return systemTemp();
    }
  }

  /**
   * Creates a new folder, readable and writable by the grader's user alone, whose name starts with
   * {@code prefix}; creates the scratch folder first if it is missing.
   */
  public Path newFolder(String prefix) throws IOException {
    Files.createDirectories(root);
    return Files.createTempDirectory(root, ScratchOwner.prefix(prefix));
  }

  /**
   * Deletes {@code folder} and what it holds, as far as it can, and returns whether it is gone.
   * Links are deleted, never followed.
   */
  public static boolean delete(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException leftOver) {
      // What is left is the caller's to report or to leave.
    }
    return !Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
  }

  /** Tells something about the file system a folder is on. */
  @FunctionalInterface
  interface FileSystemCheck {

    /** Returns whether the check holds for the file system of {@code folder}. */
    boolean holds(Path folder);
  }

  private static boolean inMemoryWithRoom(Path folder, long needed) {
    try {
      FileStore store = Files.getFileStore(folder);
      return store.type().equals("tmpfs") && store.getUsableSpace() >= needed;
    } catch (IOException | RuntimeException unknown) {
      return false;
    }
  }
}
