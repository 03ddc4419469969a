package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.batch.Gradebook;
import dev.awskit.grader.cli.ExitCodes;
import dev.awskit.grader.cli.GraderCli;
import dev.awskit.grader.defendant.DefendantRunner;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.ScratchOwner;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.GradebookRows;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.worker.ConfinedDefendants;
import dev.awskit.grader.worker.IsolationChoice;
import dev.awskit.grader.worker.IsolationUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades through the command line as it grades by default, with trusted verdicts, at the level
 * the corpus is graded at ({@code -Dawskit.corpus.isolation}, {@code auto} by default): the hidden tests run in
 * the grader's JVM and the reference solution's code in a defendant JVM confined as a worker is,
 * and nothing of that JVM (its processes, its sandbox) outlives the grade. A level this machine
 * cannot give is skipped with the reason, unless {@code CI=true}: CI installs bubblewrap and runs
 * as root, so there it fails.
 *
 * <p>It also grades the verdict forger of {@link VerdictForgeryTest} with the vetting off: in the
 * defendant it finds no test framework to rewrite, so it is graded as what it is.
 */
class TrustedVerdictsTest {

  /** Starts the sandboxes and the defendants' command lines of this JVM's graders. */
  private static final String SANDBOXES = ScratchOwner.prefix("awskit-worker-");

  private static final Path FORGER =
      Path.of("src", "test", "resources", "hostile", "q05", "forges-verdict-in-the-worker");
  private static final Path FAULTY_Q09 =
      Path.of("src", "test", "resources", "faulty", "q09", "no-chunking");
  private static final RunSettings UNVETTED =
      new RunSettings(Duration.ofSeconds(20), Map.of()).withoutStaticVetting();

  @TempDir Path work;

  @Test
  @DisplayName("by default the reference earns full marks in a defendant and leaves nothing behind")
  void theReferenceEarnsFullMarksAndLeavesNothingBehind() throws Exception {
    // given
    IsolationChoice level = HostileCaseChecks.corpusIsolation();
    List<Path> sandboxesBefore = sandboxes();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    GraderCli cli =
        new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work);

    // when
    int exit =
        cli.execute(
            "grade",
            "--reference",
            "--isolation",
            level.label(),
            "--format",
            "json",
            "-o",
            "reports");

    // then
    requireAvailable(exit, level, err.toString());
    assertThat(exit).as("exit code; the grader said: %s%s", out, err).isEqualTo(ExitCodes.OK);
    JsonNode report = new ObjectMapper().readTree(work.resolve("reports/report.json").toFile());
    List<String> failed = new ArrayList<>();
    for (JsonNode question : report.path("questions")) {
      for (JsonNode test : question.path("tests")) {
        if (!test.path("status").asText().equals("passed")) {
          failed.add(test.path("id").asText() + ": " + test.path("feedback").asText());
        }
      }
    }
    assertThat(failed).as("tests the reference failed").isEmpty();
    assertThat(report.path("score").asDouble())
        .as("the reference's score")
        .isEqualTo(report.path("maxScore").asDouble());
    JsonNode isolation = report.path("isolation");
    if (level != IsolationChoice.AUTO) {
      assertThat(isolation.path("level").asText())
          .as("the level reported")
          .isEqualTo(level.label());
    }
    assertThat(isolation.path("detail").asText())
        .as("what the report says confined the submission's code")
        .contains("only the submission's code runs there");
    assertThat(defendantsAlive()).as("defendant processes alive after the grade").isEmpty();
    assertThat(sandboxes())
        .as("sandboxes left after the grade")
        .containsExactlyInAnyOrderElementsOf(sandboxesBefore);
  }

  @Test
  @DisplayName("a batch with --trusted-verdicts, said in so many words, grades to full marks")
  void aBatchGradesTheReferenceToFullMarks() throws Exception {
    // given a class of one
    IsolationChoice level = HostileCaseChecks.corpusIsolation();
    Assembled.reference(work.resolve("class").resolve("alice"));
    StringWriter err = new StringWriter();
    GraderCli cli =
        new GraderCli(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work);

    // when
    int exit =
        cli.execute(
            "batch",
            "class",
            "--trusted-verdicts",
            "--isolation",
            level.label(),
            "--format",
            "json",
            "--progress",
            "none",
            "-o",
            "out");

    // then
    requireAvailable(exit, level, err.toString());
    assertThat(exit).as("exit code; the grader said: %s", err).isEqualTo(ExitCodes.OK);
    Gradebook gradebook = Gradebook.read(work.resolve("out/gradebook.csv"));
    assertThat(GradebookRows.points(gradebook, "alice", "total"))
        .as("alice's total")
        .isEqualTo(100);
    assertThat(defendantsAlive()).as("defendant processes alive after the batch").isEmpty();
  }

  @Test
  @DisplayName("with trusted verdicts, a forger past the vetting cannot write its own grade")
  void pastTheVettingTheForgerCannotWriteItsOwnGrade() throws Exception {
    // given a forger whose question 5 presigns nothing and whose question 9 is faulty, which
    // writes its own grade when it runs beside the tests (VerdictForgeryTest)
    Path forger = Assembled.referenceWith(FORGER, 5, work.resolve("forger"));
    Assembled.replace(forger, FAULTY_Q09, 9);
    IsolationChoice level = HostileCaseChecks.corpusIsolation();
    ConfinedDefendants defendants = ConfinedDefendants.at(level);
    try {
      defendants.isolation();
    } catch (IsolationUnavailableException unavailable) {
      requireAvailable(ExitCodes.ISOLATION_UNAVAILABLE, level, unavailable.getMessage());
    }

    // when
    Scorecard graded;
    try (defendants;
        Grader grader =
            new Grader(
                Graded.catalog(),
                new DefendantRunner(defendants),
                Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {
      graded =
          Scorer.score(
              Graded.scheme(), grader.grade(new SubmissionSource.SourceFolder(forger), UNVETTED));
    }

    // then
    assertThat(graded.vettingProblems()).as("vetting problems with the vetting off").isEmpty();
    QuestionScore q05 = graded.question(5).orElseThrow();
    assertThat(q05.score()).as("question 5, which presigns nothing").isLessThan(q05.maxScore());
    QuestionScore q09 = graded.question(9).orElseThrow();
    assertThat(q09.score()).as("question 9, which is faulty").isLessThan(q09.maxScore());
  }

  /** Skips the test where the level cannot be had, or fails it in CI, where it must be had. */
  private static void requireAvailable(int exit, IsolationChoice level, String said) {
    if (exit != ExitCodes.ISOLATION_UNAVAILABLE) {
      return;
    }
    String reason =
        "The isolation level " + level.label() + " is not available here, so this test cannot run: "
            + said;
    if ("true".equals(System.getenv("CI"))) {
      fail(reason + " CI must give it: .ci/run installs bubblewrap and runs as root.");
    }
    Assumptions.abort(reason);
  }

  /** Lists the sandbox folders of this JVM's graders in the temporary folder. */
  private static List<Path> sandboxes() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(path -> path.getFileName().toString().startsWith(SANDBOXES)).toList();
    }
  }

  /**
   * Lists the processes whose command line names a sandbox of this JVM, read whole from /proc
   * (ProcessHandle cuts long ones): a defendant, or anything started with its options.
   */
  private static List<String> defendantsAlive() throws IOException {
    List<String> found = new ArrayList<>();
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return found;
    }
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path process : processes) {
        try {
          String line = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
          if (line.contains(SANDBOXES)) {
            found.add(
                process.getFileName() + ": " + line.substring(0, Math.min(300, line.length())));
          }
        } catch (IOException ended) {
          // The process ended while it was read.
        }
      }
    }
    return found;
  }
}
