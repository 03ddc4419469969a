package dev.awskit.grader.cli;

import dev.awskit.grader.batch.BatchProgress;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.classview.Similarity;
import dev.awskit.grader.classview.SimilarityCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Runs a batch's similarity check on a thread of its own while the class is graded: it copies the
 * class's sources, which {@link #taken()} tells, and compares them once the first student is done
 * ({@link #startingWith}), so that it does not slow the batch's first seconds, when the grader and
 * its worker already keep every processor busy. {@link #report} writes what it found once the
 * grading is done; {@link #close} waits for it and deletes its copies.
 */
final class SimilarityRun implements AutoCloseable {

  private final CompletableFuture<Void> taken = new CompletableFuture<>();
  private final CompletableFuture<Similarity> compared = new CompletableFuture<>();
  /** Completes true once the first student is done, false when the batch ends before. */
  private final CompletableFuture<Boolean> go = new CompletableFuture<>();
  private final Path work;
  private final boolean withBase;
  private final double threshold;

  private SimilarityRun(Path work, boolean withBase, double threshold) {
    this.work = work;
    this.withBase = withBase;
    this.threshold = threshold;
  }

  /** Returns a run that checks nothing: the check is off, or only a shard is graded. */
  static SimilarityRun none() {
    SimilarityRun none = new SimilarityRun(null, false, 0);
    none.taken.complete(null);
    return none;
  }

  /**
   * Starts the check of {@code students} against {@code base} in {@code work}, an empty folder
   * that {@link #close} deletes.
   *
   * @param takeAtOnce whether to copy the sources at once, before any student is done: when
   *     students' tests may reach the batch folder, they must wait for {@link #taken()}
   */
  static SimilarityRun start(
      List<StudentSubmission> students,
      Optional<Path> base,
      double threshold,
      Path work,
      boolean takeAtOnce) {
    SimilarityRun run = new SimilarityRun(work, base.isPresent(), threshold);
    Thread thread =
        new Thread(() -> run.check(students, base, takeAtOnce), "awskit-similarity");
    thread.setDaemon(true); // a check that fails must not keep the grader's JVM alive
    thread.start();
    return run;
  }

  private void check(List<StudentSubmission> students, Optional<Path> base, boolean takeAtOnce) {
    try {
      SimilarityCheck.Taken sources;
      try {
        if (!takeAtOnce && !go.join()) {
          compared.cancel(false);
          return;
        }
        sources = SimilarityCheck.take(students, base, work);
      } finally {
        taken.complete(null);
      }
      if (!go.join()) {
        compared.cancel(false);
        return;
      }
      compared.complete(sources.compare(threshold));
    } catch (Throwable failed) {
      // Whatever ends the check (a source that overflows JPlag's parser, JPlag left out of this
      // installation, no memory left) must not cost the grades, nor leave the batch waiting.
      compared.completeExceptionally(failed);
    }
  }

  /** Completes once the check has copied every source it compares, or has failed. */
  CompletableFuture<Void> taken() {
    return taken;
  }

  /**
   * Returns {@code display}, which also lets the comparison begin once the first student is done
   * (or the batch ends).
   */
  BatchProgress startingWith(BatchProgress display) {
    return new BatchProgress() {
      @Override
      public void started(int total) {
        display.started(total);
      }

      @Override
      public void finished(StudentResult result, boolean kept) {
        display.finished(result, kept);
        go.complete(true);
      }

      @Override
      public void close() {
        display.close();
        go.complete(true);
      }
    };
  }

  /** Waits for the check and writes its files into {@code output}, saying what it found. */
  void report(Context context, Path output) {
    if (work == null) {
      return;
    }
    try {
      Similarity similarity = compared.join();
      similarity.write(output);
      context
          .out()
          .println(
              "Similarity: "
                  + similarity.pairs().size()
                  + " pairs at or above "
                  + threshold
                  + " among "
                  + similarity.compared()
                  + " submissions"
                  + (withBase ? "" : " (no base code: the stubs' skeleton counts)")
                  + ": "
                  + output.resolve(Similarity.CSV_FILE));
    } catch (CompletionException failed) {
      context.err().println(failure(failed.getCause()));
    } catch (IOException unwritable) {
      context.err().println(failure(unwritable));
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  private static String failure(Throwable cause) {
    if (cause instanceof NoClassDefFoundError) {
      // The Gradescope bundle and the container image leave JPlag (GPL-3.0) out.
      return "No similarity check: JPlag is not in this installation of the grader (the"
          + " Gradescope bundle and the container image leave it out); the grades stand.";
    }
    return "The similarity check failed, the grades stand: " + cause;
  }

  /** Waits for the check to end, whatever its outcome, and deletes its copies. */
  @Override
  public void close() {
    if (work == null) {
      return;
    }
    go.complete(false);
    compared.handle((similarity, failed) -> null).join();
    try (Stream<Path> tree = Files.walk(work)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | RuntimeException leftBehind) {
      // A temporary folder left behind costs disk space only.
    }
  }
}
