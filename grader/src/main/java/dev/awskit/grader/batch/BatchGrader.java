package dev.awskit.grader.batch;

import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.scoring.Scorecard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades a list of students' submissions, several at a time, each into its own report folder, and
 * keeps what an earlier run finished.
 *
 * <p>Every submission is copied into a folder only the grader may read (see {@link Snapshots}) and
 * graded from the copy. The copies are taken on a thread of their own while the first submissions
 * are taken in and compiled; the batch says when the last one is taken, and a grader whose code
 * under grading could reach the batch folder runs none before that. A grader whose code under
 * grading cannot reach the batch folder at all may have the originals graded instead ({@link
 * Sources#ORIGINALS}). For every student: a
 * submission whose content and grading settings match the result an earlier run recorded is not
 * graded again (unless forced); otherwise the old result is forgotten, the submission graded and
 * its reports written, and only then its new result recorded. Nothing one submission does stops
 * the others: a submission that cannot be graded gets an {@code unusable} row, a grader failure an
 * {@code error} row, both with zeros and a reason.
 */
public final class BatchGrader {

  /** Names the file that explains, in a student's report folder, why nothing could be graded. */
  public static final String UNUSABLE_FILE = "unusable.txt";

  private final SubmissionGrader grader;
  private final ResultStore store;
  private final Clock clock;
  private final int jobs;
  private final Sources sources;
  private final Runnable copiesTaken;

  /** Says what a batch grades: copies of the submissions, or the submissions where they are. */
  public enum Sources {
    /** Copies every submission into a folder only the grader may read, and grades the copies. */
    COPIES,
    /**
     * Grades every submission where it is, once it is found within the copies' bounds: only for a
     * grader whose code under grading cannot reach the batch folder (the {@code os} level).
     */
    ORIGINALS
  }

  /**
   * Creates a batch grader.
   *
   * @param grader grades one submission; called from {@code jobs} threads at once, and must run no
   *     code under grading that could reach the batch folder before {@code copiesTaken} is called
   * @param store the report folders and recorded results
   * @param clock dates the results
   * @param jobs how many submissions to grade at once, at least 1
   * @param copiesTaken called once in each run, when every submission is copied or could not be
   *     (also when the run ends early)
   */
  public BatchGrader(
      SubmissionGrader grader, ResultStore store, Clock clock, int jobs, Runnable copiesTaken) {
    this(grader, store, clock, jobs, Sources.COPIES, copiesTaken);
  }

  /**
   * Creates a batch grader that grades {@code sources}: with {@link Sources#ORIGINALS} it takes no
   * copies and calls {@code copiesTaken} as soon as a run starts; otherwise as {@link
   * #BatchGrader(SubmissionGrader, ResultStore, Clock, int, Runnable)}.
   */
  public BatchGrader(
      SubmissionGrader grader,
      ResultStore store,
      Clock clock,
      int jobs,
      Sources sources,
      Runnable copiesTaken) {
    if (jobs < 1) {
      throw new IllegalArgumentException("At least one job, not " + jobs);
    }
    this.grader = grader;
    this.store = store;
    this.clock = clock;
    this.jobs = jobs;
    this.sources = sources;
    this.copiesTaken = copiesTaken;
  }

  /**
   * Grades {@code students} and returns every result, sorted by student id.
   *
   * @param students the submissions, each id once
   * @param settings the digest of the grading settings ({@link Fingerprints#ofSettings})
   * @param force grade every submission again, whatever an earlier run recorded
   * @param progress the display to keep up to date; closed when the run ends
   * @throws InterruptedException when the run is interrupted; the students finished so far keep
   *     their recorded results
   */
  public BatchRun run(
      List<StudentSubmission> students, String settings, boolean force, BatchProgress progress)
      throws InterruptedException {
    return run(students, student -> settings, force, progress);
  }

  /**
   * Grades {@code students} as {@link #run(List, String, boolean, BatchProgress)} does, with a
   * settings digest per student: the class's settings and what changes the student's score after
   * grading, so that a change to that grades the student again.
   *
   * @param settingsOf the digest of a student's grading settings, by student id
   */
  public BatchRun run(
      List<StudentSubmission> students,
      Function<String, String> settingsOf,
      boolean force,
      BatchProgress progress)
      throws InterruptedException {
    AtomicInteger kept = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, threads());
    try (progress;
        Snapshots snapshots =
            sources == Sources.ORIGINALS
                ? Snapshots.ofOriginals(copiesTaken)
                : Snapshots.start(students, copiesTaken)) {
      progress.started(students.size());
      List<Future<StudentResult>> futures = new ArrayList<>();
      for (StudentSubmission student : students) {
        futures.add(
            pool.submit(
                () -> {
                  Outcome outcome =
                      gradeOne(
                          student, snapshots.of(student), settingsOf.apply(student.id()), force);
                  if (outcome.kept()) {
                    kept.incrementAndGet();
                  }
                  progress.finished(outcome.result(), outcome.kept());
                  return outcome.result();
                }));
      }
      List<StudentResult> results = new ArrayList<>();
      for (Future<StudentResult> future : futures) {
        results.add(await(future));
      }
      results.sort(Comparator.comparing(StudentResult::student));
      return new BatchRun(results, results.size() - kept.get(), kept.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private record Outcome(StudentResult result, boolean kept) {}

  private Outcome gradeOne(
      StudentSubmission original, Snapshots.Taken taken, String settings, boolean force) {
    String id = original.id();
    if (taken instanceof Snapshots.Taken.Failed failed) {
      return new Outcome(
          result(id, RowStatus.UNUSABLE, failed.reason(), Map.of(), "", settings), false);
    }
    StudentSubmission student = ((Snapshots.Taken.Ready) taken).submission();
    if (original.isAmbiguous()) {
      String names =
          original.entries().stream()
              .map(path -> path.getFileName().toString())
              .collect(Collectors.joining(" and "));
      return new Outcome(
          result(
              id,
              RowStatus.UNUSABLE,
              "two submissions with this id: " + names + "; keep one",
              Map.of(),
              "",
              settings),
          false);
    }
    String digest;
    try {
      digest = Fingerprints.ofSubmission(student.path());
    } catch (IOException | RuntimeException unreadable) {
      return new Outcome(
          result(
              id,
              RowStatus.UNUSABLE,
              "cannot read the submission: " + unreadable.getMessage(),
              Map.of(),
              "",
              settings),
          false);
    }
    if (!force) {
      var earlier = store.read(id).filter(result -> result.stillHolds(digest, settings));
      if (earlier.isPresent()) {
        return new Outcome(earlier.get(), true);
      }
    }
    try {
      store.forget(id);
      Path folder = Files.createDirectories(store.folderOf(id));
      clearReports(folder);
      StudentResult result;
      try {
        Scorecard scorecard = grader.grade(student, folder);
        result =
            result(id, RowStatus.GRADED, "", GradebookLayout.scoresOf(scorecard), digest, settings);
      } catch (SubmissionUnusableException unusable) {
        String reason = original.inOwnTerms(unusable.getMessage(), student);
        Files.writeString(
            folder.resolve(UNUSABLE_FILE),
            "This submission could not be graded: " + reason + System.lineSeparator(),
            StandardCharsets.UTF_8);
        result = result(id, RowStatus.UNUSABLE, reason, Map.of(), digest, settings);
      }
      store.write(result);
      return new Outcome(result, false);
    } catch (Exception | LinkageError | StackOverflowError failure) {
      // Not recorded: the next run tries this student again.
      return new Outcome(
          result(
              id,
              RowStatus.ERROR,
              original.inOwnTerms("the grader failed: " + failure, student),
              Map.of(),
              digest,
              settings),
          false);
    }
  }

  private StudentResult result(
      String id,
      RowStatus status,
      String reason,
      Map<String, Double> scores,
      String digest,
      String settings) {
    return new StudentResult(
        id, status, reason, scores, digest, settings, clock.instant().toString());
  }

  /** Deletes the report files an earlier grading left, so that none outlives its grade. */
  private static void clearReports(Path folder) throws IOException {
    for (ReportFormat format : ReportFormat.values()) {
      Files.deleteIfExists(folder.resolve(format.fileName()));
    }
    Files.deleteIfExists(folder.resolve(UNUSABLE_FILE));
  }

  private static StudentResult await(Future<StudentResult> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Grading a submission failed unexpectedly", cause);
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "awskit-batch-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
