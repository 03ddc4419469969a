package dev.awskit.grader.cli;

import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.classview.ClassReportFiles;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rebuilds a batch's class report from the students' stored results, grading nothing. */
@Command(
    name = "class-report",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Rebuilds OUTPUT/class-report.html from the results a 'batch' run stored in"
          + " OUTPUT/students/, without grading anything again: after a policy change in"
          + " presentation, or when the page was deleted. The page is one self-contained file"
          + " (no network needed): the distribution of totals and tiers, item statistics per"
          + " question, pass rates and commonest failures per hidden test, the students needing"
          + " attention, and a sortable table of every student.",
      "",
      "Exit code 0 when the page was written; 2 for a wrong command line, a broken policy or an"
          + " OUTPUT with no stored result; 1 when the page cannot be written."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar class-report",
      "  java -jar grader/target/awskit-grader.jar class-report reports/week3 \\",
      "      --policy policy.yaml"
    })
final class ClassReportCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "OUTPUT",
      description = "The batch's output folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "grading-reports/batch")
  private Path output;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "The grading policy the batch used (default: the built-in policy).")
  private Path policy;

  private final Context context;

  ClassReportCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path outputFolder = context.resolve(output);
    GradingScheme scheme;
    try {
      scheme = Policies.load(context, policy, context.catalog().get());
    } catch (PolicyException broken) {
      return Policies.broken(context, broken);
    }
    ResultStore store = new ResultStore(outputFolder);
    Path target = outputFolder.resolve(ClassReportFiles.FILE);
    try {
      List<StudentResult> results = store.readAll();
      if (results.isEmpty()) {
        context
            .err()
            .println(
                "No stored results under "
                    + outputFolder.resolve(ResultStore.STUDENTS_FOLDER)
                    + ": run 'batch' with this output folder first.");
        context.err().flush();
        return ExitCodes.USAGE;
      }
      ClassReportFiles.write(store, scheme, results, target, context.clock().instant());
      context.out().println("Class report of " + results.size() + " students: " + target);
      context.out().flush();
      return ExitCodes.OK;
    } catch (IOException unwritable) {
      context
          .err()
          .println("Cannot write the class report " + target + ": " + unwritable.getMessage());
      context.err().flush();
      return Files.isDirectory(outputFolder) ? ExitCodes.INTERNAL_ERROR : ExitCodes.USAGE;
    }
  }
}
