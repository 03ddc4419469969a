package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades {@code hostile/q05/forges-verdict-in-the-worker}, which rewrites JUnit inside the JVM it
 * runs in so that every later failure reads as a pass, with the static vetting off, and checks
 * that with the tests in the judge's JVM it rewrites nothing that judges it.
 */
class DefendantVerdictTest {

  private static final Path FORGER =
      Path.of("src", "test", "resources", "hostile", "q05", "forges-verdict-in-the-worker");
  private static final Path FAULTY_Q09 =
      Path.of("src", "test", "resources", "faulty", "q09", "no-chunking");

  @TempDir Path work;

  @Test
  @DisplayName("past the vetting, a forger in the defendant cannot write its own grade")
  void theForgerEarnsNothingItDidNotDo() throws Exception {
    // given a forger whose question 5 presigns nothing and whose question 9 is faulty
    Path forger = Assembled.referenceWith(FORGER, 5, work.resolve("forger"));
    Assembled.replace(forger, FAULTY_Q09, 9);
    RunSettings unvetted = new RunSettings(Duration.ofSeconds(20), Map.of()).withoutStaticVetting();

    // when
    Scorecard graded;
    try (Grader grader =
        new Grader(
            Graded.catalog(),
            DefendantGradingTest.plainRunner(),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {
      graded =
          Scorer.score(
              Graded.scheme(), grader.grade(new SubmissionSource.SourceFolder(forger), unvetted));
    }

    // then
    QuestionScore q05 = graded.question(5).orElseThrow();
    QuestionScore q09 = graded.question(9).orElseThrow();
    assertThat(q05.score())
        .as("question 5, which presigns nothing (it keeps what an empty Optional earns)")
        .isLessThan(q05.maxScore() / 2);
    assertThat(q05.tests())
        .filteredOn(test -> test.name().contains("GetObject"))
        .as("question 5's test that a GET is presigned")
        .isNotEmpty()
        .noneMatch(test -> test.passed());
    assertThat(q09.score()).as("question 9, which is faulty").isLessThan(q09.maxScore());
    assertThat(graded.question(1).orElseThrow().score())
        .as("question 1, the reference's")
        .isEqualTo(graded.question(1).orElseThrow().maxScore());
  }
}
