package dev.awskit.grader.cli;

import dev.awskit.grader.batch.BatchProgress;
import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.classview.ClassReportFiles;
import dev.awskit.grader.classview.LmsRoster;
import dev.awskit.grader.classview.LmsRosterException;
import dev.awskit.grader.classview.SimilarityCheck;
import dev.awskit.grader.scoring.GradingScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Option;

/**
 * Adds the similarity check's options to {@code batch}, and writes what a batch adds to its
 * gradebook for the instructor: {@code similarity.csv} and the class report.
 */
final class ClassViewOptions {

  /** Names the stubs a batch takes as base code unless told otherwise. */
  static final Path DEFAULT_BASE_CODE = Path.of("exercises", "src", "main", "java");

  @Option(
      names = "--no-similarity",
      description = "Skip the similarity check (JPlag) of the class.")
  boolean noSimilarity;

  @Option(
      names = "--similarity-threshold",
      paramLabel = "SHARE",
      defaultValue = "0.5",
      description =
          "List the pairs of students whose code is at least this similar, 0 to 1 (default:"
              + " ${DEFAULT-VALUE}). A lead to look into, never a change to a score.")
  double threshold = SimilarityCheck.DEFAULT_THRESHOLD;

  @Option(
      names = "--base-code",
      paramLabel = "DIR",
      description =
          "The code every student was given (the untouched stubs), left out of the similarity"
              + " check. Default: exercises/src/main/java when it exists.")
  Path baseCode;

  @Option(
      names = "--roster",
      paramLabel = "FILE",
      description =
          "Roster CSV mapping submission names to students in the learning platform; with it the"
              + " batch writes canvas-import.csv, moodle-import.csv and lms-unmatched.csv."
              + " Checked before grading: a roster naming an unknown submission grades nothing.")
  Path roster;

  @Option(
      names = "--assignment",
      paramLabel = "NAME",
      defaultValue = LmsExportCommand.DEFAULT_ASSIGNMENT,
      description = "The assignment's column name in the exports (default: ${DEFAULT-VALUE}).")
  String assignment = LmsExportCommand.DEFAULT_ASSIGNMENT;

  /**
   * Reads the roster, when one was given, and checks it against the class's submissions.
   *
   * @return the roster, empty when none was given
   * @throws LmsRosterException when it cannot be used
   */
  Optional<LmsRoster> roster(Context context, Collection<String> submissions)
      throws LmsRosterException {
    if (roster == null) {
      return Optional.empty();
    }
    return Optional.of(LmsExportCommand.checked(context.resolve(roster), submissions));
  }

  /** Writes the platform exports; returns false after saying why they could not be written. */
  boolean export(
      Context context, LmsRoster read, List<StudentResult> results, double max, Path output) {
    return LmsExportCommand.export(context, read, results, max, assignment, output);
  }

  /** Checks the options; returns a message when they are wrong. */
  Optional<String> problem(Context context) {
    if (threshold < 0 || threshold > 1) {
      return Optional.of("--similarity-threshold is a share from 0 to 1, not " + threshold + ".");
    }
    if (baseCode != null && !Files.isDirectory(context.resolve(baseCode))) {
      return Optional.of("--base-code " + baseCode + " is not a folder.");
    }
    return Optional.empty();
  }

  /**
   * Starts the similarity check over the whole class on a thread of its own, unless switched off
   * or only a shard is graded. A check that cannot start is reported and costs nothing else.
   *
   * @param output the folder the check writes its files into
   * @param takeAtOnce whether the check copies the sources at once (see {@link SimilarityRun})
   */
  SimilarityRun startSimilarity(
      Context context,
      List<StudentSubmission> students,
      Path output,
      boolean wholeClass,
      boolean takeAtOnce) {
    if (noSimilarity || !wholeClass) {
      return SimilarityRun.none();
    }
    Optional<Path> base =
        Optional.ofNullable(baseCode)
            .map(context::resolve)
            .or(() -> Optional.of(context.resolve(DEFAULT_BASE_CODE)).filter(Files::isDirectory));
    try {
      Path work =
          context.scratch().withRoomForSourcesOf(students.size()).newFolder("awskit-similarity-");
      return SimilarityRun.start(students, base, threshold, work, output, takeAtOnce);
    } catch (IOException unwritable) {
      context.err().println("The similarity check failed, the grades stand: " + unwritable);
      context.err().flush();
      return SimilarityRun.none();
    }
  }

  /**
   * Returns {@code display}, which also draws a chart like the class report's on a thread of its
   * own once the first student is done, so that the report, written after the last, does not load
   * the chart library and the fonts at the end of the batch.
   */
  static BatchProgress warmingTheClassReport(BatchProgress display) {
    AtomicBoolean warming = new AtomicBoolean();
    return BatchProgress.also(
        display,
        () -> {
          if (warming.compareAndSet(false, true)) {
            Thread thread = new Thread(ClassReportFiles::warmUp, "awskit-class-report-warm-up");
            thread.setDaemon(true);
            thread.start();
          }
        },
        () -> {});
  }

  /** Writes the class report; returns false after saying why it could not be written. */
  static boolean writeClassReport(
      Context context,
      ResultStore store,
      GradingScheme scheme,
      List<StudentResult> results,
      Path target) {
    try {
      ClassReportFiles.write(store, scheme, results, target, context.clock().instant());
      context.out().println("Class report: " + target);
      context.out().flush();
      return true;
    } catch (IOException unwritable) {
      context
          .err()
          .println("Cannot write the class report " + target + ": " + unwritable.getMessage());
      context.err().flush();
      return false;
    }
  }
}
