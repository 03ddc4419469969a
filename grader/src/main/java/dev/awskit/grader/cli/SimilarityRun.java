package dev.awskit.grader.cli;

import dev.awskit.grader.batch.BatchProgress;
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
 * Runs a batch's similarity check on a thread of its own: it copies the class's sources, which
 * {@link #taken()} tells, and compares them, for a class of at most {@value #COMPARED_ALONGSIDE}
 * submissions once the first student is done ({@link #startingWith}), so that the comparison
 * neither slows the batch's first seconds, when the grader and its worker already keep every
 * processor busy, nor the batch's end; for a larger class once the last student is done, when its
 * comparison's memory no longer shares the grader's heap with the grading's. It writes its files
 * as soon as it has compared, keeping only their counts. {@link #report} says what it found once
 * the grading is done; {@link #close} waits for it and deletes its copies.
 */
final class SimilarityRun implements AutoCloseable {

  /**
   * Names the largest class compared while it is graded. A class of 500 compared alongside took
   * 75 MB more of the grader's memory at its peak and longer in all
   * (docs/performance/where-the-time-goes-2026-12-05-late.md, "One launch per submission, and the
   * similarity check beside the grading").
   */
  static final int COMPARED_ALONGSIDE = 100;

  private final CompletableFuture<Void> taken = new CompletableFuture<>();
  private final CompletableFuture<Written> compared = new CompletableFuture<>();
  /**
   * Completes true once the comparison may begin (see the class's description), false when the
   * batch ends before.
   */
  private final CompletableFuture<Boolean> go = new CompletableFuture<>();
  private final Path work;
  private final Path output;
  private final boolean withBase;
  private final double threshold;
  private final boolean alongside;

  private SimilarityRun(
      Path work, Path output, boolean withBase, double threshold, boolean alongside) {
    this.work = work;
    this.output = output;
    this.withBase = withBase;
    this.threshold = threshold;
    this.alongside = alongside;
  }

  /**
   * Tells what the check wrote.
   *
   * @param pairs how many pairs it listed
   * @param compared how many submissions it compared
   */
  private record Written(int pairs, int compared) {}

  /** Returns a run that checks nothing: the check is off, or only a shard is graded. */
  static SimilarityRun none() {
    SimilarityRun none = new SimilarityRun(null, null, false, 0, false);
    none.taken.complete(null);
    return none;
  }

  /**
   * Starts the check of {@code students} against {@code base} in {@code work}, an empty folder
   * that {@link #close} deletes, to write its files into {@code output}.
   *
   * @param takeAtOnce whether to copy the sources at once, before any student is done: when
   *     students' tests may reach the batch folder, they must wait for {@link #taken()}; otherwise
   *     the sources are copied when the comparison may begin
   */
  static SimilarityRun start(
      List<StudentSubmission> students,
      Optional<Path> base,
      double threshold,
      Path work,
      Path output,
      boolean takeAtOnce) {
    SimilarityRun run =
        new SimilarityRun(
            work, output, base.isPresent(), threshold, students.size() <= COMPARED_ALONGSIDE);
    Thread thread =
        new Thread(() -> run.check(students, base, takeAtOnce), "awskit-similarity");
    thread.setDaemon(true); // a check that fails must not keep the grader's JVM alive
    thread.start();
    return run;
  }

  private void check(List<StudentSubmission> students, Optional<Path> base, boolean takeAtOnce) {
    try {
      boolean going;
      SimilarityCheck.Taken sources = null;
      try {
        going = takeAtOnce || go.join();
        if (going) {
          sources = SimilarityCheck.take(students, base, work);
        }
      } finally {
        // Before the check ends either way: close waits for its end, and whoever closed it may
        // then rely on the sources being taken (or never to be).
        taken.complete(null);
      }
      if (!going || !go.join()) {
        compared.cancel(false);
        return;
      }
      Similarity similarity = sources.compare(threshold);
      similarity.write(output);
      compared.complete(new Written(similarity.pairs().size(), similarity.compared()));
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
   * Returns {@code display}, which also lets the comparison begin once the first student is done,
   * in a class small enough, or else once the batch ends.
   */
  BatchProgress startingWith(BatchProgress display) {
    return BatchProgress.also(
        display,
        () -> {
          if (alongside) {
            go.complete(true);
          }
        },
        () -> go.complete(true));
  }

  /** Waits for the check and says what it found, or why it failed. */
  void report(Context context) {
    if (work == null) {
      return;
    }
    try {
      Written similarity = compared.join();
      context
          .out()
          .println(
              "Similarity: "
                  + similarity.pairs()
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
