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
import java.util.stream.Stream;

/**
 * Copies every student's submission into a folder that only the grader may read, before any
 * student's code runs, so that what is graded is what was handed in: code under grading cannot
 * change, or read, a classmate's submission in the batch folder, wherever the grader's isolation
 * lets it go.
 *
 * <p>Links are copied as links, so that the intake refuses them as it would in the original. A
 * folder larger than the bounds is not copied, and its student's row says why.
 */
final class Snapshots implements AutoCloseable {

  /** Bounds one folder: far above what the intake accepts, far below a disk. */
  private static final int MAX_ENTRIES = 20_000;

  private static final long MAX_BYTES = 256L * 1024 * 1024;

  private final Path folder;
  private final Map<String, Taken> taken;

  private Snapshots(Path folder, Map<String, Taken> taken) {
    this.folder = folder;
    this.taken = taken;
  }

  /** Holds what became of one submission: its copy, or why there is none. */
  sealed interface Taken {

    /** Holds the copy, to grade in the original's place. */
    record Copied(StudentSubmission submission) implements Taken {}

    /** Holds why the submission could not be copied. */
    record Failed(String reason) implements Taken {}
  }

  /** Copies every unambiguous submission of {@code students} into a new private folder. */
  static Snapshots take(List<StudentSubmission> students) {
    Path folder;
    try {
      folder = Files.createTempDirectory("awskit-batch-snapshots-");
    } catch (IOException unwritable) {
      throw new UncheckedIOException("Cannot make a folder for the students' submissions", unwritable);
    }
    Map<String, Taken> taken = new LinkedHashMap<>();
    int index = 0;
    for (StudentSubmission student : students) {
      if (student.isAmbiguous()) {
        continue;
      }
      Path copy = folder.resolve(String.valueOf(index++)).resolve(student.path().getFileName());
      try {
        Files.createDirectories(copy.getParent());
        copy(student.path(), copy);
        taken.put(student.id(), new Taken.Copied(StudentSubmission.of(student.id(), copy)));
      } catch (IOException | UncheckedIOException unreadable) {
        taken.put(student.id(), new Taken.Failed(reason(unreadable)));
      }
    }
    return new Snapshots(folder, taken);
  }

  /** Returns what became of {@code student}: its copy, or why there is none. */
  Taken of(StudentSubmission student) {
    return taken.getOrDefault(student.id(), new Taken.Copied(student));
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

  /** Deletes the copies. */
  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException undeletable) {
      // Left for the system's temporary-folder clean-up; only the grader may read it.
    }
  }
}
