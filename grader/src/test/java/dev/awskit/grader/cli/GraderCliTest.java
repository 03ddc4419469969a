package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.distribution.HiddenCheckList;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the command line as an instructor or CI would, and checks output and exit codes. */
class GraderCliTest {

  @TempDir Path work;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return run(SubmissionRunner.inProcess(), args);
  }

  private int run(SubmissionRunner runner, String... args) {
    GraderCli cli =
        new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            runner,
            Graded::catalog);
    return cli.execute(args);
  }

  @Test
  void helpTellsANewcomerWhatASubmissionIsTheDefaultsTheExitCodesAndExamples() {
    assertThat(run("--help")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString())
        .contains("Usage: awskit-grader")
        .contains("A submission is a folder of .java files")
        .contains("exercises/src/main/java")
        .contains("grading-reports/")
        .contains("grade", "self-check", "list")
        .contains("Exit codes:")
        .contains("4   graded, but the score is below --min-score")
        .contains("Examples:");
  }

  @Test
  void everyHelpExampleFitsAnEightyColumnTerminalSoItCopiesWhole() {
    // given
    CommandLine top =
        new GraderCli(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Clock.fixed(Graded.NOW, ZoneOffset.UTC),
                work,
                SubmissionRunner.inProcess(),
                Graded::catalog)
            .commandLine();
    List<CommandLine> commands = new ArrayList<>(List.of(top));
    commands.addAll(top.getSubcommands().values());

    // when
    List<String> tooLong = new ArrayList<>();
    for (CommandLine command : commands) {
      String[] footer = command.getCommandSpec().usageMessage().footer();
      for (int index = 0; index < footer.length; index++) {
        String line = footer[index];
        // Picocli wraps a line longer than the terminal, which splits a command in two.
        if (line.length() > 80) {
          tooLong.add(command.getCommandName() + ": " + line);
        }
        boolean continues = line.endsWith("\\");
        if (continues && (index + 1 == footer.length || !footer[index + 1].startsWith("      "))) {
          tooLong.add(command.getCommandName() + " continues nowhere: " + line);
        }
      }
    }

    // then
    assertThat(commands).hasSizeGreaterThan(5);
    assertThat(tooLong).isEmpty();
  }

  @Test
  void gradeHelpListsEveryOption() {
    assertThat(run("help", "grade")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString())
        .contains("SUBMISSION", "--reference", "--output", "--format", "--policy", "--min-score")
        .contains("grading-reports")
        .contains("Exit codes:");
  }

  @Test
  void gradeRunsItsSubmissionInAWorkerOfItsOwn() {
    // given: a runner that records whether each run asks for a fresh worker
    List<Boolean> freshAsked = new ArrayList<>();
    SubmissionRunner recording =
        (request, events) -> {
          freshAsked.add(request.freshWorker());
          SubmissionRunner.inProcess().run(request, events);
        };

    // when
    int code = run(recording, "grade", "--reference", "-o", "out");

    // then: a worker started for one submission starts as one (WorkerRunner.jvmOptionsFor)
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(freshAsked).as("fresh workers asked for by grade").containsExactly(true);
  }

  @Test
  void gradesTheReferenceAndWritesEveryReport() {
    assertThat(run("grade", "--reference", "-o", "out")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString()).contains("Total").contains("100 / 100").contains("Every hidden test passed.");
    assertThat(work.resolve("out"))
        .isDirectoryContaining("glob:**/report.json")
        .isDirectoryContaining("glob:**/results.json")
        .isDirectoryContaining("glob:**/junit.xml")
        .isDirectoryContaining("glob:**/summary.md")
        .isDirectoryContaining("glob:**/report.txt");
  }

  @Test
  void withoutArgumentsGradesTheStudentWorkspaceIntoTheDefaultFolder() throws IOException {
    Path workspace = work.resolve("exercises/src/main/java");
    Files.createDirectories(workspace);
    Assembled.reference(workspace);

    assertThat(run()).isEqualTo(ExitCodes.OK);

    assertThat(out.toString()).contains("student workspace").contains("100 / 100");
    assertThat(work.resolve("grading-reports/report.json")).exists();
  }

  @Test
  void formatsCanBeChosen() {
    assertThat(run("--reference", "--format", "json", "-f", "markdown", "-o", "some")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString()).doesNotContain("Tier").contains("report.json, summary.md");
    assertThat(work.resolve("some")).isDirectoryNotContaining("glob:**/junit.xml");
  }

  @Test
  void minScoreNotReachedGivesItsOwnExitCodeAfterTheReports() throws IOException {
    Path submission =
        Assembled.referenceWith(
            Path.of("src", "test", "resources", "faulty", "q10", "first-page-only"), 10, work.resolve("sub"));

    assertThat(run("grade", submission.toString(), "--min-score", "99.5", "-f", "json"))
        .isEqualTo(ExitCodes.BELOW_MIN_SCORE);

    assertThat(err.toString()).contains("below the minimum of 99.5");
    assertThat(work.resolve("grading-reports/report.json")).exists();
  }

  @Test
  void minScoreReachedExitsZero() {
    assertThat(run("--reference", "--min-score", "100", "-f", "json")).isEqualTo(ExitCodes.OK);
  }

  @Test
  void missingSubmissionIsUnusable() {
    assertThat(run("grade", "nowhere")).isEqualTo(ExitCodes.SUBMISSION_UNUSABLE);

    assertThat(err.toString()).contains("does not exist");
  }

  @Test
  void folderWithoutJavaSourceIsUnusable() throws IOException {
    Files.createDirectories(work.resolve("empty/src/test/java"));
    Files.writeString(work.resolve("empty/src/test/java/OnlyATest.java"), "class OnlyATest {}");
    Files.writeString(work.resolve("empty/notes.txt"), "no code here");

    assertThat(run("grade", "empty")).isEqualTo(ExitCodes.SUBMISSION_UNUSABLE);

    assertThat(err.toString()).contains("holds no .java file");
  }

  @Test
  void brokenPolicyIsAUsageErrorNamingTheLineBeforeAnythingIsGraded() throws IOException {
    Files.writeString(work.resolve("policy.yaml"), "timeLimit: 5s\nquestions:\n  3:\n    pionts: 4\n");

    assertThat(run("grade", "--reference", "--policy", "policy.yaml")).isEqualTo(ExitCodes.USAGE);

    assertThat(err.toString()).contains("policy.yaml, line 4: unknown key 'pionts'");
    assertThat(out.toString()).isEmpty();
    assertThat(work.resolve("grading-reports")).doesNotExist();
  }

  @Test
  void policyChangesThePoints() throws IOException {
    Files.writeString(work.resolve("policy.yaml"), "questions:\n  1:\n    points: 15\n");

    assertThat(run("--reference", "--policy", "policy.yaml", "-f", "console")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString()).contains("110 / 110");
  }

  @Test
  void wrongOptionsAreUsageErrors() {
    assertThat(run("grade", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("grade", "--format", "pdf")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unknown report format 'pdf'");
    assertThat(run("grade", "somewhere", "--reference")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("grade", "--reference", "--min-score", "many")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void listShowsQuestionsTiersPointsAndTestNames() {
    assertThat(run("list")).isEqualTo(ExitCodes.OK);

    String listing = out.toString();
    assertThat(listing).contains("12 questions, 100 points in all");
    assertThat(listing).contains("tier easy          5 points per question: questions 1, 2, 3, 4");
    assertThat(listing).contains("tier intermediate").contains("tier advanced");
    Graded.catalog().tests().forEach(test -> assertThat(listing).contains(test.displayName()));
    assertThat(listing).doesNotContain("assertThat");
  }

  @Test
  void listWritesTheStudentKitsListOfChecksWhenAsked() {
    // when
    int exit = run("list", "--format", "checks");

    // then
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .isEqualTo(HiddenCheckList.render(GradingScheme.defaults(Graded.catalog())));
  }

  @Test
  void selfCheckPassesOnTheKit() {
    assertThat(run("self-check")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString())
        .contains("ok   reference solution: 100 / 100")
        .contains("ok   untouched stubs: 0 / 100, 12 of 12 questions")
        .contains("Self-check passed.");
  }

  @Test
  void selfCheckFailsWhenTheReferenceDoesNotScoreFullMarks() {
    // A run step that reports nothing: every hidden test then counts as not run.
    GraderCli cli =
        new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            (request, events) -> {},
            Graded::catalog);

    assertThat(cli.execute("self-check")).isEqualTo(ExitCodes.SELF_CHECK_FAILED);

    assertThat(out.toString()).contains("FAIL reference solution").contains("Self-check FAILED.");
  }
}
