package dev.awskit.grader.batch;

import dev.awskit.grader.engine.ScratchOwner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Copies every student's submission into a folder that only the grader may read, so that what is
 * graded is what was handed in: code under grading cannot change, or read, a classmate's
 * submission in the batch folder, wherever the grader's isolation lets it go.
 *
 * <p>The copies are taken on a thread of their own, in the roster's order, while the first
 * submissions are taken in and compiled (a class of 500 takes seconds to copy): {@link #of} waits
 * for one student's copy, and the callback given to {@link #start} says when all of them are
 * taken, until when a batch whose workers could reach the batch folder runs no code under grading.
 *
 * <p>Links are copied as links, so that the intake refuses them as it would in the original; a
 * submission folder that is itself a link is copied from where it leads, which the intake would
 * read. A folder larger than the bounds is not copied, and its student's row says why.
 *
 * <p>Where code under grading cannot reach the batch folder at all (the {@code os} level, whose
 * mount namespace holds none of it), {@link #ofOriginals} takes no copies: each submission is
 * graded where it is, once it is found within the same bounds. Copying a class there protected
 * nothing, and cost a batch of 50 about 0.4 s of the grader's processor time (2,100 files made
 * and deleted on disk).
 */
final class Snapshots implements AutoCloseable {

  /** Bounds one folder: far above what the intake accepts, far below a disk. */
  private static final int MAX_ENTRIES = 20_000;

  private static final long MAX_BYTES = 256L * 1024 * 1024;

  /** The copies' folder; null when the originals are graded. */
  private final Path folder;
  private final Map<String, CompletableFuture<Taken>> taken;
  /** Takes the copies; null when the originals are graded. */
  private final Thread copier;
  private volatile boolean closing;

  private Snapshots(
      Path folder,
      Map<String, CompletableFuture<Taken>> taken,
      List<StudentSubmission> students,
      Runnable allTaken) {
    this.folder = folder;
    this.taken = taken;
    this.copier = new Thread(() -> copyAll(students, allTaken), "awskit-batch-copier");
    copier.setDaemon(true);
  }

  private Snapshots() {
    this.folder = null;
    this.taken = Map.of();
    this.copier = null;
  }

  /** Holds what became of one submission: what to grade, or why there is nothing to. */
  sealed interface Taken {

    /** Holds the submission to grade: the copy, or the original where no copy is taken. */
    record Ready(StudentSubmission submission) implements Taken {}

    /** Holds why the submission could not be copied, or is past the bounds. */
    record Failed(String reason) implements Taken {}
  }

  /**
   * Returns snapshots that copy nothing, and calls {@code allTaken} at once: each submission is
   * graded where it is, once it is found within the bounds. Only for a grader whose code under
   * grading cannot reach the batch folder.
   */
  static Snapshots ofOriginals(Runnable allTaken) {
    allTaken.run();
    return new Snapshots();
  }

  /**
   * Starts copying every unambiguous submission of {@code students} into a new private folder, and
   * calls {@code allTaken} once each is copied or has failed, whatever happens to the copier.
   */
  static Snapshots start(List<StudentSubmission> students, Runnable allTaken) {
    Path folder;
    try {
      folder = Files.createTempDirectory(ScratchOwner.prefix("awskit-batch-snapshots-"));
    } catch (IOException unwritable) {
      allTaken.run();
      throw new UncheckedIOException("Cannot make a folder for the students' submissions", unwritable);
    }
    Map<String, CompletableFuture<Taken>> taken = new LinkedHashMap<>();
    for (StudentSubmission student : students) {
      if (!student.isAmbiguous()) {
        taken.put(student.id(), new CompletableFuture<>());
      }
    }
    Snapshots snapshots = new Snapshots(folder, taken, List.copyOf(students), allTaken);
    snapshots.copier.start();
    return snapshots;
  }

  private void copyAll(List<StudentSubmission> students, Runnable allTaken) {
    try {
      int index = 0;
      for (StudentSubmission student : students) {
        CompletableFuture<Taken> result = taken.get(student.id());
        if (result == null || closing) {
          continue;
        }
        Path copy = folder.resolve(String.valueOf(index++)).resolve(student.path().getFileName());
        try {
          Files.createDirectories(copy.getParent());
          // A submission folder that is itself a link is read where it leads, as the intake does.
          copy(student.path().toRealPath(), copy);
          result.complete(new Taken.Ready(StudentSubmission.of(student.id(), copy)));
        } catch (IOException | RuntimeException unreadable) {
          result.complete(new Taken.Failed(reason(unreadable)));
        }
      }
    } finally {
      // Only a batch that is closing leaves copies untaken.
      taken.values().forEach(left -> left.complete(new Taken.Failed("the batch ended first")));
      allTaken.run();
    }
  }

  /**
   * Returns what became of {@code student}, waiting for its copy: the copy, or why there is none.
   *
   * @throws InterruptedException when the wait is interrupted
   */
  Taken of(StudentSubmission student) throws InterruptedException {
    if (copier == null) {
      return withinBounds(student);
    }
    CompletableFuture<Taken> result = taken.get(student.id());
    if (result == null) {
      return new Taken.Ready(student);
    }
    try {
      return result.get();
    } catch (ExecutionException impossible) {
      throw new IllegalStateException("A copy failed unexpectedly", impossible.getCause());
    }
  }

  private static Taken withinBounds(StudentSubmission student) {
    if (student.isAmbiguous()) {
      return new Taken.Ready(student);
    }
    try {
      Path root = student.path().toRealPath();
      if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
        Files.walkFileTree(root, new Counting(null, root, new Bounds()));
      }
      return new Taken.Ready(student);
    } catch (IOException | RuntimeException unreadable) {
      return new Taken.Failed(reason(unreadable));
    }
  }

  private static String reason(Exception failure) {
    Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
    return cause instanceof TooLarge
        ? cause.getMessage()
        : "cannot read the submission: " + cause.getMessage();
  }

  private static void copy(Path source, Path target) throws IOException {
    if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
      return;
    }
    Files.walkFileTree(source, new Counting(target, source, new Bounds()));
  }

  /**
   * Walks a submission's folder, links not followed, counting its entries and bytes against the
   * bounds before each one, and copies each to {@code target} when there is one.
   */
  private static final class Counting extends SimpleFileVisitor<Path> {

    private final Path target;
    private final Path source;
    private final Bounds bounds;

    Counting(Path target, Path source, Bounds bounds) {
      this.target = target;
      this.source = source;
      this.bounds = bounds;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
        throws IOException {
      bounds.count(0);
      if (target != null) {
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      bounds.count(attributes.size());
      if (target != null) {
        Files.copy(
            file,
            target.resolve(source.relativize(file).toString()),
            LinkOption.NOFOLLOW_LINKS,
            StandardCopyOption.COPY_ATTRIBUTES);
      }
      return FileVisitResult.CONTINUE;
    }
  }

  /** Counts one folder's entries and bytes, and refuses it past the bounds. */
  private static final class Bounds {

    private long entries;
    private long bytes;

    void count(long size) throws TooLarge {
      entries++;
      bytes += size;
      if (entries > MAX_ENTRIES || bytes > MAX_BYTES) {
        throw new TooLarge(
            "the submission folder holds more than "
                + MAX_ENTRIES
                + " files or "
                + MAX_BYTES / (1024 * 1024)
                + " MiB; hand in the sources only");
      }
    }
  }

  /** Reports a folder past the bounds. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /** Stops the copier after the submission it is copying, then deletes the copies. */
  @Override
  public void close() {
    if (copier == null) {
      return;
    }
    closing = true;
    try {
      copier.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException undeletable) {
      // Left for the system's temporary-folder clean-up; only the grader may read it.
    }
  }
}
