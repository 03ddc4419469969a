package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.CompilerPool;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.report.Reports;
import dev.awskit.grader.scoring.AdjustmentPlan;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Grades one submission path into one report folder and returns its scorecard: the step {@code
 * grade} takes for one submission, for commands that grade many (the batch).
 *
 * <p>It uses the same engine, run step ({@link Context#runner()}), scheme and reports as {@code
 * grade}, so whatever isolation the run step gives, a batch gets too. A folder or a zip is graded
 * as {@code grade} grades it ({@link SubmissionSource#at}: a kit's root folder as its workspace);
 * the engine takes both in through the intake, and a zip the intake refuses is unusable, with the
 * intake's reason.
 *
 * <p>Safe for use by several threads at once: each call makes its own {@link Grader}; the graders
 * share javac's file managers ({@link CompilerPool}), one for each submission whose tests may run
 * at once, which {@link #close} closes.
 */
final class SubmissionGrading implements AutoCloseable {

  private final Context context;
  private final GradingScheme scheme;
  private final RunSettings settings;
  private final Set<ReportFormat> formats;
  private final CompilerPool compilers;
  private final SubmissionRunner runner;

  /**
   * Creates the step.
   *
   * @param freshWorkers whether each submission's tests run in a worker JVM of their own, instead
   *     of one that graded an earlier submission and came out of it clean
   * @param classmatesCopied done once the batch has copied every submission, and the similarity
   *     check its sources: until then the submissions are taken in and compiled, but none of their
   *     tests runs
   */
  SubmissionGrading(
      Context context,
      GradingScheme scheme,
      Set<ReportFormat> formats,
      boolean freshWorkers,
      Future<?> classmatesCopied) {
    this.context = context;
    this.runner = new HeldRunner(context.runner(), classmatesCopied);
    // Fresh workers are not capped, so neither are the compilers that keep them fed, but for the
    // grader's heap, where they all compile: javac out of memory would charge the students.
    this.compilers =
        new CompilerPool(
            Math.min(
                DefaultJobs.heldByTheHeap(Runtime.getRuntime().maxMemory()),
                freshWorkers ? Integer.MAX_VALUE : context.runner().runsAtOnce()));
    this.scheme = scheme;
    this.settings =
        freshWorkers ? scheme.runSettings().withFreshWorker() : scheme.runSettings();
    this.formats = Set.copyOf(formats);
  }

  /**
   * Grades the submission at {@code submission}, applies {@code plan} (the overrides and late
   * penalty), writes the chosen reports into {@code reportFolder}, and returns the scorecard, in
   * which the submission is called {@code name}.
   *
   * @throws SubmissionUnusableException when there is nothing to grade
   * @throws IOException when the reports cannot be written
   */
  Scorecard grade(Path submission, String name, Path reportFolder, AdjustmentPlan plan)
      throws SubmissionUnusableException, IOException {
    boolean zip =
        Files.isRegularFile(submission)
            && submission.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    if (!zip && !Files.isDirectory(submission)) {
      throw new SubmissionUnusableException(
          submission.getFileName() + " is neither a folder nor a zip of Java sources.");
    }
    Scorecard scorecard = gradeSource(SubmissionSource.at(submission), name);
    if (!plan.isEmpty()) {
      scorecard = scorecard.withAdjustment(plan.applyTo(scorecard));
    }
    Reports.write(scorecard, formats, reportFolder);
    return scorecard;
  }

  private Scorecard gradeSource(SubmissionSource source, String name)
      throws SubmissionUnusableException, IOException {
    Catalog catalog = context.catalog().get();
    GradingResult result;
    try (Grader grader = new Grader(catalog, runner, context.clock(), compilers, context.scratch())) {
      result = grader.grade(source, settings);
    }
    // The reports name the student's submission, not a temporary folder on the grading machine.
    return Scorer.score(scheme, result).withSubmission("submission " + name);
  }

  /** Closes the file managers the graders kept. */
  @Override
  public void close() {
    compilers.close();
  }

  /** Gets ready for a run at once but runs tests only once {@code released} is done. */
  record HeldRunner(SubmissionRunner runner, Future<?> released) implements SubmissionRunner {

    @Override
    public void run(RunRequest request, Consumer<TestEvent> events) {
      try {
        released.get();
      } catch (InterruptedException interrupted) {
        // As a runner interrupted while it waits for a worker: the tests count as not run.
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException impossible) {
        throw new IllegalStateException("The batch's copies failed", impossible.getCause());
      }
      runner.run(request, events);
    }

    @Override
    public void prepare(RunRequest rehearsal) {
      runner.prepare(rehearsal);
    }

    @Override
    public Isolation isolation() {
      return runner.isolation();
    }

    @Override
    public int runsAtOnce() {
      return runner.runsAtOnce();
    }
  }
}
