package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.report.ConsoleReport;
import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.report.Reports;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.LatePolicy;
import dev.awskit.grader.scoring.LatePolicyFile;
import dev.awskit.grader.scoring.PolicyException;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Grades one submission and writes its reports. */
@EndsWith({
  ExitCodes.SUBMISSION_UNUSABLE,
  ExitCodes.BELOW_MIN_SCORE,
  ExitCodes.ISOLATION_UNAVAILABLE
})
@Command(
    name = "grade",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Grades one submission: copies it into a sandbox, compiles its sources against the"
          + " exercise interfaces, checks the compiled classes against the grader's rules, runs"
          + " the hidden tests against it (the tests in the grader's JVM, the submission's code"
          + " in a sandboxed JVM of its own), scores each question and tier, and writes the"
          + " reports.",
      "",
      "SUBMISSION is a folder of .java files in any layout (files under src/test are left out),"
          + " a zip of one, or a kit's root folder, whose exercises/src/main/java is then graded."
          + " Without SUBMISSION the grader grades the student workspace, exercises/src/main/java"
          + " under the current folder.",
      "",
      "When the policy has a late section and the submission time is given"
          + " (--submission-metadata or --submitted-at), the late penalty is applied as batch"
          + " applies it: the reports show the raw score, the penalty and the final score."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar grade",
      "  java -jar grader/target/awskit-grader.jar grade submissions/alice \\",
      "      -o reports/alice",
      "  java -jar grader/target/awskit-grader.jar grade submissions/bob.zip \\",
      "      -o reports/bob",
      "  java -jar grader/target/awskit-grader.jar grade --reference --format console",
      "  java -jar grader/target/awskit-grader.jar grade /autograder/submission \\",
      "      --format gradescope -o /autograder/results",
      "  java -jar grader/target/awskit-grader.jar grade --policy policy.yaml \\",
      "      --min-score 60",
      "  java -jar grader/target/awskit-grader.jar grade submissions/alice \\",
      "      --policy policy.yaml --submitted-at 2026-03-03T09:15:00+01:00"
    })
final class GradeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SUBMISSION",
      description =
          "Folder of .java sources, or a zip of one, to grade (default:"
              + " exercises/src/main/java).")
  private Path submission;

  @Option(
      names = "--reference",
      description = "Grade the reference solution instead of a submission.")
  private boolean reference;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FOLDER",
      description = "Folder for the report files (default: ${DEFAULT-VALUE}).",
      defaultValue = "grading-reports")
  private Path output;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      split = ",",
      description =
          "Report to write; repeat or separate with commas. One of: console (printed, and saved"
              + " as report.txt), json (report.json), gradescope (results.json), junit"
              + " (junit.xml), markdown (summary.md). Default: all of them.")
  private List<String> formats;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "Grading policy (YAML) that changes points, tiers, test weights, visibility or the"
              + " time limit; see docs/grading-policy.md. Default: the built-in policy.")
  private Path policy;

  @Option(
      names = "--min-score",
      paramLabel = "POINTS",
      description =
          "Exit with code 4 when the final total (after any late penalty) is below POINTS (same"
              + " scale as the total), after writing the reports. For CI.")
  private Double minScore;

  @Mixin private SubmissionTimeOptions times;

  @Mixin private IsolationOptions isolation;

  @Mixin private TrustedVerdictsOption trusted;

  private final Context context;

  GradeCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (reference && submission != null) {
      throw new ParameterException(
          spec.commandLine(), "Give either SUBMISSION or --reference, not both.");
    }
    if (minScore != null && minScore < 0) {
      throw new ParameterException(spec.commandLine(), "--min-score cannot be negative.");
    }
    Set<ReportFormat> chosen = ReportFormats.chosen(formats, spec.commandLine());
    SubmissionTimeOptions.Given given = times.read(context);
    if (given instanceof SubmissionTimeOptions.Wrong wrong) {
      throw new ParameterException(spec.commandLine(), wrong.message());
    }
    try (TrustedVerdictsOption.Judging judging = trusted.judging(context, isolation, false)) {
      return grade(judging.context(), chosen, given);
    }
  }

  /**
   * Grades the submission in {@code context}: the command's own, or the one {@code
   * --trusted-verdicts} makes.
   */
  private Integer grade(
      Context context, Set<ReportFormat> chosen, SubmissionTimeOptions.Given given) {
    // The catalog is read while the isolation's probe waits for its worker to start.
    Thread reading =
        new Thread(
            () -> {
              try {
                context.catalog().get();
              } catch (RuntimeException failed) {
                // The command asks for the catalog again below, and reports what fails then.
              }
            },
            "awskit-catalog");
    reading.setDaemon(true);
    reading.start();
    if (isolation.settle(context, List.of(context.resolve(output)), List.of()).isEmpty()) {
      return ExitCodes.ISOLATION_UNAVAILABLE;
    }
    Catalog catalog = context.catalog().get();
    GradingScheme scheme;
    Optional<LatePolicy> late;
    try {
      scheme = Policies.load(context, policy, catalog);
      late =
          policy == null
              ? Optional.empty()
              : LatePolicyFile.load(context.resolve(policy), policy.toString());
    } catch (PolicyException broken) {
      return Policies.broken(context, broken);
    }
    SubmissionSource source = source();
    GradingResult result;
    try (Grader grader = new Grader(catalog, context.runner(), context.clock(), context.scratch())) {
      // One submission: its worker grades no other, and starts as a worker for one submission.
      result = grader.grade(source, scheme.runSettings().withFreshWorker());
    } catch (SubmissionUnusableException unusable) {
      context.err().println("Cannot grade: " + unusable.getMessage());
      context.err().flush();
      return ExitCodes.SUBMISSION_UNUSABLE;
    } catch (IOException closing) {
      throw new IllegalStateException(closing);
    }
    Scorecard scorecard =
        SubmissionTimeOptions.adjust(
            context,
            Scorer.score(scheme, result),
            late,
            given,
            submissionName(),
            scheme.maxScore());
    if (chosen.contains(ReportFormat.CONSOLE)) {
      ConsoleReport.write(scorecard, context.out());
    }
    Path folder = context.resolve(output);
    try {
      List<Path> files = Reports.write(scorecard, chosen, folder);
      context.out().printf(
          "%nReports in %s: %s%n",
          folder,
          files.stream().map(file -> file.getFileName().toString()).collect(Collectors.joining(", ")));
    } catch (IOException unwritable) {
      context.err().println("Cannot write the reports to " + folder + ": " + unwritable.getMessage());
      context.err().flush();
      return ExitCodes.INTERNAL_ERROR;
    }
    context.out().flush();
    if (minScore != null && scorecard.finalScore() < minScore) {
      context.err().printf(
          "The score %s is below the minimum of %s (--min-score).%n",
          Numbers.points(scorecard.finalScore()), Numbers.points(minScore));
      context.err().flush();
      return ExitCodes.BELOW_MIN_SCORE;
    }
    return ExitCodes.OK;
  }

  private SubmissionSource source() {
    if (reference) {
      return new SubmissionSource.Reference();
    }
    if (submission == null) {
      return new SubmissionSource.Workspace(context.resolve(SubmissionSource.Workspace.DEFAULT));
    }
    // A kit's root folder (a student's clone) is graded as its workspace.
    return SubmissionSource.at(context.resolve(submission));
  }

  /**
   * Returns the submission's name, as batch names it (a folder's name, a zip's without {@code
   * .zip}): the policy's extensions are filed under it.
   */
  private String submissionName() {
    if (reference) {
      return "reference";
    }
    Path path = submission == null ? SubmissionSource.Workspace.DEFAULT : submission;
    Path name = context.resolve(path).normalize().getFileName();
    String text = name == null ? "" : name.toString();
    return text.toLowerCase(Locale.ROOT).endsWith(".zip")
        ? text.substring(0, text.length() - ".zip".length())
        : text;
  }
}
