package dev.awskit.grader.cli;

import dev.awskit.grader.batch.BatchGrader;
import dev.awskit.grader.batch.BatchRun;
import dev.awskit.grader.batch.BatchSummary;
import dev.awskit.grader.batch.ClassAdjustments;
import dev.awskit.grader.batch.Fingerprints;
import dev.awskit.grader.batch.Gradebook;
import dev.awskit.grader.batch.GradebookLayout;
import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.Roster;
import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.batch.Shard;
import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.classview.ClassReportFiles;
import dev.awskit.grader.classview.LmsRoster;
import dev.awskit.grader.classview.LmsRosterException;
import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.IsolationLevel;
import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Grades a folder of submissions, one per student, into a gradebook and a report per student. */
@EndsWith({ExitCodes.SUBMISSION_UNUSABLE, ExitCodes.ISOLATION_UNAVAILABLE})
@Command(
    name = "batch",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Grades a whole class: every folder or .zip at the top of FOLDER is one student's"
          + " submission, named after the student (alice/ or alice.zip: student alice). Hidden"
          + " entries are ignored; a loose .java file at the top is reported, not graded.",
      "",
      "Submissions are graded several at a time, each as 'grade' grades one, with its reports"
          + " in OUTPUT/students/<student>/. Each submission's tests run in a worker JVM of"
          + " its own; with --reuse-workers, a worker that comes out of a submission clean"
          + " grades the next one, and at most half as many workers run at once as the machine"
          + " has processors (at least one). The gradebook OUTPUT/gradebook.csv has a row per"
          + " student: student, status (graded, unusable or error), q01..q12, the tiers, total"
          + " and reason; OUTPUT/gradebook-averages.csv holds the per-question averages over"
          + " the graded students, and OUTPUT/class-report.html the class report (item"
          + " statistics, hidden tests, students needing attention; rebuilt by class-report).",
      "",
      "With a late section in the policy (due date, grace, penalty per day or hour, cap,"
          + " extensions) or --overrides, scores are adjusted after grading: the gradebook keeps"
          + " the raw total and adds overrides, late_penalty, final and the reasons; each"
          + " student's reports show them; the exports send final (docs/grading-policy.md).",
      "",
      "A submission that cannot be graded never stops the batch: it gets a row with zeros and"
          + " the reason. A re-run keeps the students already done whose submission and grading"
          + " settings have not changed (--force grades everyone again).",
      "",
      "Exit code 0 when the batch ran, whatever the scores and however many submissions were"
          + " unusable (each is in the gradebook); 1 when the grader itself failed on a"
          + " submission (status error; the next run retries it); 2 for a wrong command line;"
          + " 3 when FOLDER holds no submission at all. There is no --min-score: apply a pass"
          + " mark to the gradebook's total column."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar batch submissions",
      "  java -jar grader/target/awskit-grader.jar batch submissions -o reports/week3 \\",
      "      --policy policy.yaml --jobs 4",
      "  # with a due date (the policy's late section) and regrades",
      "  java -jar grader/target/awskit-grader.jar batch submissions \\",
      "      --policy policy.yaml --overrides overrides.csv --roster roster.csv",
      "  # one slice of four, in a CI matrix; then merge-gradebooks",
      "  java -jar grader/target/awskit-grader.jar batch submissions --shard 2/4",
      "  # in a pod of a Kubernetes Indexed Job of 4 (see the 'kubernetes' command)",
      "  java -jar grader/target/awskit-grader.jar batch submissions --shards 4"
    })
final class BatchCommand implements Callable<Integer> {

  /** Names the default output folder, under the current folder. */
  static final Path DEFAULT_OUTPUT = Path.of("grading-reports", "batch");

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FOLDER",
      description = "Folder with one subfolder or .zip per student.")
  private Path folder;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUTPUT",
      description =
          "Folder for the gradebook and the students' reports (default: ${DEFAULT-VALUE}).",
      defaultValue = "grading-reports/batch")
  private Path output;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      split = ",",
      description =
          "Reports to write for each student, as in 'grade': console (report.txt), json,"
              + " gradescope, junit, markdown. Default: all of them.")
  private List<String> formats;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Grading policy (YAML), as in 'grade'. Default: the built-in policy.")
  private Path policy;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description =
          "How many submissions to grade at once (default: twice the number of processors, or"
              + " the number with --no-trusted-verdicts or --reuse-workers; fewer if the memory"
              + " cannot hold 512 MiB for the grader and 256 MiB for each one's JVM, or the"
              + " grader's heap 32 MiB for each: 8 with -Xmx256m).")
  private Integer jobs;

  static final String REUSE_WARNING =
      "Warning: workers are reused (--reuse-workers): code that gets past the static vetting can"
          + " change the grades of the students graded after it in the same worker.";

  @Option(
      names = "--reuse-workers",
      description =
          "Run the hidden tests beside the code in worker JVMs, and let a worker that came out"
              + " of a submission clean grade the next one (up to 100), which makes a batch"
              + " several times faster (docs/performance.md). Only where you trust the static"
              + " vetting: code that gets past it can write its own grade, and change the"
              + " worker's JVM so that the students graded after it in that worker get the"
              + " grades it chooses, at every isolation level (docs/security/worker-lifecycle.md)."
              + " Without it, each submission's code runs in a sandboxed JVM of its own and the"
              + " tests in the grader's, as 'grade' runs them.")
  private boolean reuseWorkers;

  @Option(
      names = "--force",
      description = "Grade every submission again, even those an earlier run finished.")
  private boolean force;

  @Mixin private ProgressOption progress;

  @Mixin private ShardOptions sharding;

  @Mixin private IsolationOptions isolation;

  @Mixin private TrustedVerdictsOption trusted;

  @Mixin private ClassViewOptions classView;

  @Mixin private OnlyOption only;

  @Mixin private AdjustmentOptions adjusting;

  private final Context context;

  BatchCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (trusted.askedFor() && reuseWorkers) {
      throw new ParameterException(
          spec.commandLine(),
          "Give either --trusted-verdicts or --reuse-workers, not both: with --trusted-verdicts"
              + " each submission's code runs in a JVM of its own, which grades no other.");
    }
    try (TrustedVerdictsOption.Judging judging =
        trusted.judging(context, isolation, reuseWorkers)) {
      return batch(judging);
    }
  }

  /** Grades the class in the context of {@code judging}: where the verdicts are computed. */
  private Integer batch(TrustedVerdictsOption.Judging judging) throws InterruptedException {
    Context context = judging.context();
    Shard slice = sharding.shard(spec.commandLine());
    int threads = jobs(judging.trusted());
    Set<ReportFormat> chosen = ReportFormats.chosen(formats, spec.commandLine());
    String progressStyle = progress.style(spec.commandLine());
    Path batchFolder = context.resolve(folder);
    Path outputFolder = context.resolve(output);
    if (!Files.isDirectory(batchFolder)) {
      throw new ParameterException(
          spec.commandLine(),
          Files.exists(batchFolder)
              ? batchFolder
                  + " is not a folder: give the folder that holds one folder or zip per"
                  + " student."
              : "There is no batch folder " + batchFolder + ".");
    }
    if (outputFolder.startsWith(batchFolder)) {
      // Otherwise the next run would take the output folder for a student.
      throw new ParameterException(
          spec.commandLine(),
          "The output folder "
              + outputFolder
              + " is inside the batch folder; choose another"
              + " with -o.");
    }
    classView
        .problem(context)
        .or(adjusting::problem)
        .ifPresent(problem -> {
          throw new ParameterException(spec.commandLine(), problem);
        });
    // The isolation's probe waits for a worker JVM to start while this thread reads the catalog.
    isolation.probeAhead(context);
    Catalog catalog = context.catalog().get();
    GradingScheme scheme;
    try {
      scheme = Policies.load(context, policy, catalog);
    } catch (PolicyException broken) {
      return Policies.broken(context, broken);
    }
    Roster roster;
    try {
      roster = Roster.scan(batchFolder);
    } catch (IOException unreadable) {
      context
          .err()
          .println("Cannot list the batch folder " + batchFolder + ": " + unreadable.getMessage());
      context.err().flush();
      return ExitCodes.USAGE;
    }
    if (roster.students().isEmpty()) {
      roster.problems().forEach(problem -> context.err().println(problem));
      context
          .err()
          .println("Nothing to grade: " + batchFolder + " holds no folder or zip of a student.");
      context.err().flush();
      return ExitCodes.SUBMISSION_UNUSABLE;
    }
    Optional<LmsRoster> lmsRoster;
    try {
      lmsRoster = classView.roster(context, roster.ids());
    } catch (LmsRosterException unusable) {
      context.err().println(unusable.getMessage() + " Nothing was graded.");
      context.err().flush();
      return ExitCodes.USAGE;
    }
    List<StudentSubmission> students = slice.select(roster.students());
    Optional<String> unknownOnly = only.problem(roster.ids());
    if (unknownOnly.isPresent()) {
      context.err().println(unknownOnly.get());
      context.err().flush();
      return ExitCodes.USAGE;
    }
    ClassAdjustments adjustments;
    try {
      adjustments = adjusting.prepare(context, policy, scheme, roster.students(), lmsRoster);
    } catch (PolicyException broken) {
      return adjusting.broken(context, broken);
    }
    GradebookLayout layout = GradebookLayout.of(scheme, adjustments.active());
    ResultStore store = new ResultStore(outputFolder);
    Optional<Isolation> isolated =
        isolation.settle(context, List.of(outputFolder), List.of(batchFolder));
    if (isolated.isEmpty()) {
      return ExitCodes.ISOLATION_UNAVAILABLE;
    }
    // Where the verdicts are computed is part of what a result depends on: a rerun with the other
    // way grades again.
    String settings =
        Fingerprints.ofSettings(
            scheme, chosen, graderVersion() + (judging.trusted() ? " trusted-verdicts" : ""));
    roster.problems().forEach(problem -> context.err().println("Warning: " + problem));
    if (reuseWorkers) {
      context.err().println(REUSE_WARNING);
    }
    context.err().flush();
    // The workers' mount namespace at os holds no folder of the batch: copies of it would protect
    // nothing there, and tests need not wait for them.
    boolean outOfReach = isolated.get().level() == IsolationLevel.OS;
    try (SimilarityRun similarity =
        classView.startSimilarity(
            context, students, outputFolder, slice.isAll(), !outOfReach)) {
      BatchRun graded;
      CompletableFuture<Void> copied = new CompletableFuture<>();
      BatchGrader.Sources sources = BatchGrader.Sources.COPIES;
      CompletableFuture<Void> testsMayRun =
          CompletableFuture.allOf(copied, similarity.taken());
      if (outOfReach) {
        sources = BatchGrader.Sources.ORIGINALS;
        copied.complete(null);
        testsMayRun = copied;
      }
      try (SubmissionGrading grading =
          new SubmissionGrading(context, scheme, chosen, !reuseWorkers, testsMayRun)) {
        BatchGrader batch =
            new BatchGrader(
                (student, reportFolder) ->
                    grading.grade(
                        student.path(),
                        student.id(),
                        reportFolder,
                        adjustments.planOf(student.id())),
                store,
                context.clock(),
                threads,
                sources,
                () -> copied.complete(null));
        graded =
            only.withTheOthers(
                batch.run(
                    only.toGrade(students, store),
                    student -> adjustments.settingsOf(settings, student),
                    only.force(force),
                    similarity.startingWith(
                        ClassViewOptions.warmingTheClassReport(
                            progress.display(context, progressStyle, scheme)))),
                students,
                store);
      }
      BatchRun run;
      try {
        // Also brings the others' stored results up to date when --only kept them.
        run = adjustments.applyTo(graded, store);
      } catch (IOException unwritable) {
        context.err().println("Cannot record the adjusted results: " + unwritable.getMessage());
        context.err().flush();
        return ExitCodes.INTERNAL_ERROR;
      }
      Gradebook gradebook = Gradebook.of(layout, run.results());
      Path gradebookFile = outputFolder.resolve(gradebookName(slice));
      Path averagesFile = Gradebook.averagesFileOf(gradebookFile);
      try {
        gradebook.write(gradebookFile);
        gradebook.writeAverages(averagesFile);
      } catch (IOException unwritable) {
        context
            .err()
            .println("Cannot write the gradebook " + gradebookFile + ": " + unwritable.getMessage());
        context.err().flush();
        return ExitCodes.INTERNAL_ERROR;
      }
      new BatchSummary(
              batchFolder,
              roster,
              slice,
              run,
              layout,
              gradebook,
              gradebookFile,
              averagesFile,
              outputFolder.resolve(ResultStore.STUDENTS_FOLDER))
          .write(context.out());
      similarity.report(context);
      if (!ClassViewOptions.writeClassReport(
          context, store, scheme, run.results(), outputFolder.resolve(classReportName(slice)))) {
        return ExitCodes.INTERNAL_ERROR;
      }
      if (lmsRoster.isPresent() && !slice.isAll()) {
        // A shard's students are not the roster's: the others would be exported with zero.
        context.out().println("LMS exports: after merging the shards, run lms-export on the merged output.");
      } else if (lmsRoster.isPresent()
          && !classView.export(
              context, lmsRoster.get(), run.results(), scheme.maxScore(), outputFolder)) {
        return ExitCodes.INTERNAL_ERROR;
      }
      return run.count(RowStatus.ERROR) > 0 ? ExitCodes.INTERNAL_ERROR : ExitCodes.OK;
    }
  }

  /** Returns the gradebook's file name: {@code gradebook.csv}, or one naming the shard. */
  static String gradebookName(Shard slice) {
    return slice.isAll()
        ? "gradebook.csv"
        : "gradebook-shard-" + slice.index() + "-of-" + slice.count() + ".csv";
  }

  /** Returns the class report's file name: {@code class-report.html}, or one naming the shard. */
  static String classReportName(Shard slice) {
    return slice.isAll()
        ? ClassReportFiles.FILE
        : "class-report-shard-" + slice.index() + "-of-" + slice.count() + ".html";
  }

  private static String graderVersion() {
    String version = GraderCli.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  private int jobs(boolean trustedVerdicts) {
    if (jobs == null) {
      return DefaultJobs.forThisMachine(trustedVerdicts);
    }
    if (jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be 1 or more.");
    }
    return jobs;
  }
}
