package dev.awskit.grader.cli;

import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.classview.LmsExport;
import dev.awskit.grader.classview.LmsRoster;
import dev.awskit.grader.classview.LmsRosterException;
import dev.awskit.grader.scoring.PolicyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes Canvas and Moodle import files from a batch's stored results and a roster. */
@Command(
    name = "lms-export",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Writes the totals a 'batch' run stored under OUTPUT/students/ as files a learning"
          + " platform imports, grading nothing: OUTPUT/canvas-import.csv (Canvas gradebook"
          + " import), OUTPUT/moodle-import.csv (Moodle grade import) and OUTPUT/lms-unmatched.csv"
          + " (graded submissions the roster does not name, so that nobody is dropped unseen).",
      "",
      "The roster is a CSV with a header: submission (the folder's or zip's name; empty for a"
          + " student who handed in nothing, exported with zero), and any of name, canvas_id,"
          + " sis_user_id, sis_login_id, section, email, moodle_idnumber, username.",
      "",
      "Exit code 0 when the files were written; 2 for a wrong command line, an unusable roster,"
          + " a roster naming a submission with no stored result, or an OUTPUT with no stored"
          + " result; 1 when the files cannot be written."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar lms-export --roster roster.csv",
      "  java -jar grader/target/awskit-grader.jar lms-export reports/week3 \\",
      "      --roster roster.csv --assignment 'AWS SDK test'"
    })
final class LmsExportCommand implements Callable<Integer> {

  /** Names the assignment's column unless told otherwise. */
  static final String DEFAULT_ASSIGNMENT = "awskit";

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "OUTPUT",
      description = "The batch's output folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "grading-reports/batch")
  private Path output;

  @Option(names = "--roster", paramLabel = "FILE", required = true, description = "Roster CSV.")
  private Path roster;

  @Option(
      names = "--assignment",
      paramLabel = "NAME",
      defaultValue = DEFAULT_ASSIGNMENT,
      description = "The assignment's column name in the exports (default: ${DEFAULT-VALUE}).")
  private String assignment;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "The grading policy the batch used, for the total's maximum.")
  private Path policy;

  private final Context context;

  LmsExportCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path outputFolder = context.resolve(output);
    double maxScore;
    try {
      maxScore = Policies.load(context, policy, context.catalog().get()).maxScore();
    } catch (PolicyException broken) {
      return Policies.broken(context, broken);
    }
    List<StudentResult> results;
    try {
      results = new ResultStore(outputFolder).readAll();
    } catch (IOException unreadable) {
      return usage(
          "Cannot read the stored results under " + outputFolder + ": " + unreadable.getMessage());
    }
    if (results.isEmpty()) {
      return usage(
          "No stored results under "
              + outputFolder
              + ": run 'batch' with this output folder first.");
    }
    LmsRoster read;
    try {
      read =
          checked(context.resolve(roster), results.stream().map(StudentResult::student).toList());
    } catch (LmsRosterException unusable) {
      return usage(unusable.getMessage() + " Nothing was written.");
    }
    return export(context, read, results, maxScore, assignment, outputFolder)
        ? ExitCodes.OK
        : ExitCodes.INTERNAL_ERROR;
  }

  /** Reads a roster and refuses one that names a submission not in {@code submissions}. */
  static LmsRoster checked(Path file, Collection<String> submissions) throws LmsRosterException {
    LmsRoster read = LmsRoster.read(file);
    Set<String> unknown = read.unknown(submissions);
    if (!unknown.isEmpty()) {
      throw new LmsRosterException(
          "The roster "
              + file
              + " names submissions the class does not have: "
              + String.join(", ", unknown)
              + ". Correct the names (a student who handed in nothing has an empty submission"
              + " cell).");
    }
    return read;
  }

  /** Writes the exports and says what they hold; returns false after saying why not. */
  static boolean export(
      Context context,
      LmsRoster read,
      List<StudentResult> results,
      double maxScore,
      String assignment,
      Path outputFolder) {
    try {
      LmsExport.Outcome outcome =
          LmsExport.write(read, results, maxScore, assignment, outputFolder);
      context
          .out()
          .println(
              "LMS exports of "
                  + outcome.exported()
                  + " roster students: "
                  + outputFolder.resolve(LmsExport.CANVAS_FILE)
                  + ", "
                  + outputFolder.resolve(LmsExport.MOODLE_FILE));
      if (!outcome.unmatched().isEmpty()) {
        context
            .out()
            .println(
                "Not in the roster, so in neither export (see "
                    + LmsExport.UNMATCHED_FILE
                    + "): "
                    + String.join(", ", outcome.unmatched()));
      }
      if (!outcome.withoutScore().isEmpty()) {
        context
            .out()
            .println(
                "Left empty, as the grader failed on them (run the batch again): "
                    + String.join(", ", outcome.withoutScore()));
      }
      context.out().flush();
      return true;
    } catch (IOException unwritable) {
      context
          .err()
          .println(
              "Cannot write the LMS exports in " + outputFolder + ": " + unwritable.getMessage());
      context.err().flush();
      return false;
    }
  }

  private int usage(String message) {
    context.err().println(message);
    context.err().flush();
    return ExitCodes.USAGE;
  }
}
