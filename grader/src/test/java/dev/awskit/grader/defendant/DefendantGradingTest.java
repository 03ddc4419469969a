package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.TestResult;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Graded;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Grades whole submissions with the tests in this JVM and the submission in a defendant JVM. */
class DefendantGradingTest {

  /** Starts a defendant on this JVM's class path, unconfined: the tests here are about calls. */
  static Process plainDefendant() {
    try {
      return new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-XX:TieredStopAtLevel=1",
              "-XX:+DisplayVMOutputToStderr",
              "-Xshare:auto",
              "-cp",
              System.getProperty("java.class.path"),
              DefendantMain.class.getName())
          .start();
    } catch (IOException unstartable) {
      throw new UncheckedIOException(unstartable);
    }
  }

  /** Returns a runner whose defendants start unconfined, on this JVM's class path. */
  static DefendantRunner plainRunner() {
    return new DefendantRunner(roots -> DefendantStarter.Started.unconfined(plainDefendant(), roots));
  }

  @Test
  void theReferenceSolutionEarnsFullMarks() throws Exception {
    // given
    try (Grader grader =
        new Grader(
            Graded.catalog(),
            plainRunner(),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {

      // when
      GradingResult result = grader.grade(new SubmissionSource.Reference(), RunSettings.defaults());

      // then
      Map<String, String> failed =
          result.results().entrySet().stream()
              .filter(entry -> !entry.getValue().outcome().passed())
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey, entry -> String.valueOf(entry.getValue().outcome())));
      assertThat(failed).as("tests the reference solution failed").isEmpty();
      Scorecard scorecard = Scorer.score(Graded.scheme(), result);
      assertThat(scorecard.score()).isEqualTo(scorecard.maxScore());
    }
  }
}
