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
import dev.awskit.grader.testing.OneQuestionRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grades code that never returns, with the code in a defendant JVM. */
class DefendantTimeLimitTest {

  private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");

  @TempDir Path work;

  @Test
  void aLoopThatIgnoresInterruptsCostsItsOwnTestAndSaysWhereItSpins() throws Exception {
    // given question 10 spinning forever on one prefix, and correct on every other
    Path submission =
        Assembled.questionWith(HOSTILE.resolve("q10/infinite-loop"), 10, work.resolve("loop"));
    RunSettings twoSeconds = new RunSettings(Duration.ofSeconds(2), Map.of());

    // when
    QuestionScore q10 = grade(submission, twoSeconds).question(10).orElseThrow();

    // then
    assertThat(q10.tests()).filteredOn(test -> !test.passed()).singleElement()
        .satisfies(
            stuck ->
                assertThat(stuck.outcome().feedback())
                    .as("what the student reads about the test that never ended")
                    .contains("did not finish within 2 s")
                    .contains("S3ObjectLister.list"));
    assertThat(q10.tests()).filteredOn(test -> test.passed()).hasSize(q10.tests().size() - 1);
  }

  private static Scorecard grade(Path submission, RunSettings settings) throws Exception {
    try (Grader grader =
        new Grader(
            Graded.catalog(),
            new OneQuestionRunner(
                Graded.catalog(), 10, DefendantGradingTest.plainRunner()),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {
      return Scorer.score(
          Graded.scheme(), grader.grade(new SubmissionSource.SourceFolder(submission), settings));
    }
  }
}
