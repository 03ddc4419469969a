package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks what {@code batch} tells an instructor whose command line is wrong, or whose folder has
 * nothing to grade, and what its help says. Nothing here may grade: the runner fails the test if
 * a submission reaches it.
 */
class BatchUsageTest {

  @TempDir Path work;

  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void aClassWithoutSourcesAndAFolderWithALooseFile() throws IOException {
    Files.createDirectories(work.resolve("class/alice"));
    Files.writeString(work.resolve("class/alice/notes.txt"), "no code yet");
    Files.createDirectories(work.resolve("empty"));
    Files.writeString(work.resolve("empty/Loose.java"), "class Loose {}");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    SubmissionRunner refusing =
        (request, events) -> {
          throw new AssertionError("A command line that is refused must not grade anything.");
        };
    return new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            refusing,
            Graded::catalog)
        .execute(args);
  }

  @Test
  void wrongOptionsAreUsageErrorsThatSayWhatIsWrong() {
    // when / then
    assertThat(run("batch", "class", "--shard", "3/2")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--shard takes I/N with 1 <= I <= N");
    assertThat(run("batch", "class", "--shard", "0/1")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("batch", "class", "--shard", "half")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("batch", "class", "--jobs", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("batch", "class", "--progress", "fancy")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("batch", "class", "--format", "pdf")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("batch")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMissingBatchFolderOrAnOutputInsideItIsAUsageError() {
    // when / then
    assertThat(run("batch", "nowhere")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("There is no batch folder");
    assertThat(run("batch", "class", "-o", "class/out")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("inside the batch folder");
  }

  @Test
  void aFolderWithOnlyALooseSourceFileHasNothingToGrade() {
    // when
    int exit = run("batch", "empty");

    // then
    assertThat(exit).isEqualTo(ExitCodes.SUBMISSION_UNUSABLE);
    assertThat(err.toString())
        .contains("Loose.java is a loose source file")
        .contains("Nothing to grade");
  }

  @Test
  void trustedVerdictsWithReusedWorkersIsAUsageErrorThatSaysWhy() {
    // when
    int exit = run("batch", "class", "--trusted-verdicts", "--reuse-workers");

    // then
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("Give either --trusted-verdicts or --reuse-workers, not both")
        .contains("runs in a JVM of its own");
    assertThat(work.resolve("grading-reports")).as("what a refused batch wrote").doesNotExist();
  }

  @Test
  void aRerunWhoseVerdictsAreComputedElsewhereGradesAgain() {
    // given a class whose one submission is unusable, which a rerun keeps unless it must regrade
    run("batch", "class", "-o", "out", "--progress", "none");

    // when
    run("batch", "class", "-o", "out", "--progress", "none");
    String sameWay = out.toString();
    run("batch", "class", "-o", "out", "--progress", "none", "--no-trusted-verdicts");
    String inTheWorker = out.toString();
    run("batch", "class", "-o", "out", "--progress", "none", "--reuse-workers");
    String reused = out.toString();

    // then
    assertThat(sameWay).as("a rerun the default way").contains("0 done by this run, 1 kept");
    assertThat(inTheWorker)
        .as("a rerun with the tests in the worker")
        .contains("1 done by this run, 0 kept");
    assertThat(reused)
        .as("a rerun with reused workers, whose tests are in the worker too")
        .contains("0 done by this run, 1 kept");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grade", "batch"})
  void helpSaysTrustedVerdictsKeepTheTestsInTheGradersJvmByDefault(String command) {
    // when
    int exit = run("help", command);

    // then
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--[no-]trusted-verdicts")
        .contains("Run the hidden tests in the grader's own JVM")
        .contains("cannot change how it is judged")
        .contains("On by default");
  }

  @Test
  void helpExplainsTheBatchAndTheMerge() {
    // when / then
    assertThat(run("help", "batch")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains(
            "FOLDER",
            "--output",
            "--format",
            "--policy",
            "--jobs",
            "--shard",
            "--force",
            "--progress")
        .contains("grading-reports/batch")
        .contains("Exit codes:");
    assertThat(run("help", "merge-gradebooks")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("OUT", "IN...", "averages");
    assertThat(run("--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("batch", "merge-gradebooks");
  }
}
