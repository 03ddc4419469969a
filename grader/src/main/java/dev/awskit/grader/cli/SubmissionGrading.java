package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.intake.IntakeResult;
import dev.awskit.grader.intake.SubmissionIntake;
import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.report.Reports;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Grades one submission path into one report folder and returns its scorecard: the step {@code
 * grade} takes for one submission, for commands that grade many (the batch).
 *
 * <p>It uses the same engine, run step ({@link Context#runner()}), scheme and reports as {@code
 * grade}, so whatever isolation the run step gives, a batch gets too. A folder is graded as {@code
 * grade} grades it (a kit's root folder as its workspace). A zip, which {@code grade} does not take
 * yet, is first unpacked into a temporary sandbox by the {@link SubmissionIntake} and its sources
 * graded as a folder; a zip the intake refuses is unusable, with the intake's reason.
 *
 * <p>Safe for use by several threads at once: each call makes its own {@link Grader}.
 */
final class SubmissionGrading {

  private final Context context;
  private final GradingScheme scheme;
  private final Set<ReportFormat> formats;

  SubmissionGrading(Context context, GradingScheme scheme, Set<ReportFormat> formats) {
    this.context = context;
    this.scheme = scheme;
    this.formats = Set.copyOf(formats);
  }

  /**
   * Grades the submission at {@code submission}, writes the chosen reports into {@code
   * reportFolder}, and returns the scorecard, in which the submission is called {@code name}.
   *
   * @throws SubmissionUnusableException when there is nothing to grade
   * @throws IOException when the reports cannot be written
   */
  Scorecard grade(Path submission, String name, Path reportFolder)
      throws SubmissionUnusableException, IOException {
    Scorecard scorecard;
    if (Files.isRegularFile(submission)
        && submission.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      scorecard = gradeZip(submission, name);
    } else if (Files.isDirectory(submission)) {
      scorecard = gradeSource(folderSource(submission), name);
    } else {
      throw new SubmissionUnusableException(
          submission.getFileName() + " is neither a folder nor a zip of Java sources.");
    }
    Reports.write(scorecard, formats, reportFolder);
    return scorecard;
  }

  private Scorecard gradeZip(Path zip, String name)
      throws SubmissionUnusableException, IOException {
    Path sandboxes = Files.createTempDirectory("awskit-batch-");
    try {
      IntakeResult intake = new SubmissionIntake(sandboxes).receive(zip);
      if (intake instanceof IntakeResult.Refused refused) {
        throw new SubmissionUnusableException(refused.reason());
      }
      IntakeResult.Accepted accepted = (IntakeResult.Accepted) intake;
      return gradeSource(new SubmissionSource.SourceFolder(accepted.sourceRoot()), name);
    } catch (UncheckedIOException sandboxUnwritable) {
      throw sandboxUnwritable.getCause();
    } finally {
      deleteQuietly(sandboxes);
    }
  }

  private Scorecard gradeSource(SubmissionSource source, String name)
      throws SubmissionUnusableException, IOException {
    Catalog catalog = context.catalog().get();
    GradingResult result;
    try (Grader grader = new Grader(catalog, context.runner(), context.clock())) {
      result = grader.grade(source, scheme.runSettings());
    }
    Scorecard scored = Scorer.score(scheme, result);
    // The reports name the student's submission, not a temporary folder on the grading machine.
    return new Scorecard(
        "submission " + name,
        scored.gradedAt(),
        scored.duration(),
        scored.score(),
        scored.maxScore(),
        scored.tiers(),
        scored.questions(),
        scored.skippedFiles(),
        scored.compileProblems());
  }

  /** Returns what {@code grade} grades for a folder: a kit's workspace, or the folder itself. */
  private static SubmissionSource folderSource(Path folder) {
    Path workspace = folder.resolve(SubmissionSource.Workspace.DEFAULT);
    return Files.isDirectory(workspace)
        ? new SubmissionSource.Workspace(workspace)
        : new SubmissionSource.SourceFolder(folder);
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException leftOver) {
      // A temporary folder left behind does no harm to the grade.
    }
  }
}
