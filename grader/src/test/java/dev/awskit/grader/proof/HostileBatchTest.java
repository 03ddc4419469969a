package dev.awskit.grader.proof;

import static dev.awskit.grader.testing.GradebookRows.points;
import static dev.awskit.grader.testing.GradebookRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.batch.Gradebook;
import dev.awskit.grader.batch.GradebookRow;
import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.cli.ExitCodes;
import dev.awskit.grader.cli.GraderCli;
import dev.awskit.grader.intake.TestZips;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades one class of good, broken and hostile submissions with the real command line, its
 * worker JVMs reused between submissions ({@code --reuse-workers}, where a hostile submission is
 * graded in the JVM of the next), and checks that they all end up in one gradebook, each hostile
 * submission costing only its own question.
 */
class HostileBatchTest {

  private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");
  private static final Path FAULTY = Path.of("src", "test", "resources", "faulty");

  @Test
  @DisplayName("a class with good, broken and hostile submissions becomes one gradebook")
  void goodBrokenAndHostileSubmissionsMakeOneGradebook(@TempDir Path work) throws Exception {
    // given
    Path batch = work.resolve("class");
    Assembled.reference(batch.resolve("alice"));
    Assembled.referenceWith(HOSTILE.resolve("q07/compile-error"), 7, batch.resolve("bob"));
    Assembled.referenceWith(FAULTY.resolve("q06/first-page-only"), 6, batch.resolve("carol"));
    Assembled.referenceWith(HOSTILE.resolve("q03/calls-system-exit"), 3, batch.resolve("dave"));
    Assembled.referenceWith(HOSTILE.resolve("q10/infinite-loop"), 10, batch.resolve("erin"));
    Assembled.referenceWith(HOSTILE.resolve("q04/reads-grader-jar"), 4, batch.resolve("frank"));
    Assembled.referenceWith(
        HOSTILE.resolve("q11/reads-tests-through-library"), 11, batch.resolve("grace"));
    TestZips.zip()
        .entry("../../awskit-slipped.java", "class Slipped {}")
        .writeTo(batch.resolve("mallory.zip"));
    Files.writeString(work.resolve("policy.yaml"), "timeLimit: 2s\n");
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
            "batch", "class", "-o", "out", "--policy", "policy.yaml", "--reuse-workers",
            "--progress", "none");

    // then
    assertThat(exit).as("exit code; errors: %s", err).isEqualTo(ExitCodes.OK);
    Gradebook book = Gradebook.read(work.resolve("out/gradebook.csv"));
    assertThat(book.rows())
        .extracting(GradebookRow::student)
        .containsExactly("alice", "bob", "carol", "dave", "erin", "frank", "grace", "mallory");
    assertThat(points(book, "alice", "total")).as("alice, the reference").isEqualTo(100);
    for (String student : List.of("bob", "carol", "dave", "erin", "frank", "grace")) {
      assertThat(row(book, student).status()).as("status of %s", student).isEqualTo(RowStatus.GRADED);
    }
    assertOnlyQuestionLost(book, "bob", 7);
    assertOnlyQuestionLost(book, "carol", 6);
    assertOnlyQuestionLost(book, "dave", 3);
    assertOnlyQuestionLost(book, "erin", 10);
    assertOnlyQuestionLost(book, "frank", 4);
    assertOnlyQuestionLost(book, "grace", 11);
    assertThat(row(book, "mallory").status()).isEqualTo(RowStatus.UNUSABLE);
    assertThat(row(book, "mallory").reason()).contains("points outside its folder");
    try (Stream<Path> reports = Files.walk(work.resolve("out/students"))) {
      for (Path report : reports.filter(path -> path.endsWith("report.json")).toList()) {
        assertThat(Files.readString(report))
            .as("%s, of a class with submissions that snoop on the grader", report)
            .doesNotContain("FOUND ")
            .doesNotContainIgnoringCase("cafebabe");
      }
    }
  }

  private static void assertOnlyQuestionLost(Gradebook book, String student, int question) {
    String own = String.format("q%02d", question);
    for (String column : book.scoreColumns()) {
      if (column.startsWith("q") && !column.equals(own)) {
        assertThat(points(book, student, column))
            .as("%s of %s, whose question %d misbehaves", column, student, question)
            .isEqualTo(points(book, "alice", column));
      }
    }
    assertThat(points(book, student, own))
        .as("%s of %s, which misbehaves", own, student)
        .isLessThan(points(book, "alice", own));
  }
}
