package dev.awskit.grader.batch;

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
 * <p>Links are copied as links, so that the intake refuses them as it would in the original. A
 * folder larger than the bounds is not copied, and its student's row says why.
 */
final class Snapshots implements AutoCloseable {

  /** Bounds one folder: far above what the intake accepts, far below a disk. */
  private static final int MAX_ENTRIES = 20_000;

  private static final long MAX_BYTES = 256L * 1024 * 1024;

  private final Path folder;
  private final Map<String, CompletableFuture<Taken>> taken;
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

  /** Holds what became of one submission: its copy, or why there is none. */
  sealed interface Taken {

    /** Holds the copy, to grade in the original's place. */
    record Copied(StudentSubmission submission) implements Taken {}

    /** Holds why the submission could not be copied. */
    record Failed(String reason) implements Taken {}
  }

  /**
   * Starts copying every unambiguous submission of {@code students} into a new private folder, and
   * calls {@code allTaken} once each is copied or has failed, whatever happens to the copier.
   */
  static Snapshots start(List<StudentSubmission> students, Runnable allTaken) {
    Path folder;
    try {
      folder = Files.createTempDirectory("awskit-batch-snapshots-");
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
          copy(student.path(), copy);
          result.complete(new Taken.Copied(StudentSubmission.of(student.id(), copy)));
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
    CompletableFuture<Taken> result = taken.get(student.id());
    if (result == null) {
      return new Taken.Copied(student);
    }
    try {
      return result.get();
    } catch (ExecutionException impossible) {
      throw new IllegalStateException("A copy failed unexpectedly", impossible.getCause());
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
    long[] counted = new long[2];
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            count(1, 0);
            Files.createDirectories(target.resolve(source.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            count(1, attributes.size());
            Files.copy(
                file,
                target.resolve(source.relativize(file).toString()),
                LinkOption.NOFOLLOW_LINKS,
                StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }

          private void count(long entries, long bytes) throws TooLarge {
            counted[0] += entries;
            counted[1] += bytes;
            if (counted[0] > MAX_ENTRIES || counted[1] > MAX_BYTES) {
              throw new TooLarge(
                  "the submission folder holds more than "
                      + MAX_ENTRIES
                      + " files or "
                      + MAX_BYTES / (1024 * 1024)
                      + " MiB; hand in the sources only");
            }
          }
        });
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
