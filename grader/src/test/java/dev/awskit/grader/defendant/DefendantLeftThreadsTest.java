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
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades code that leaves a thread running in its defendant JVM after its question's tests: the
 * next question's tests get a new defendant, so that the thread cannot cost them anything (a
 * thread bomb left behind ended the defendant in the middle of another question's test under
 * load, 2026-12-06).
 */
class DefendantLeftThreadsTest {

  private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");

  @TempDir Path work;

  @Test
  void aThreadLeftRunningAfterAQuestionsTestsGetsTheNextQuestionANewDefendant() throws Exception {
    // given question 9 leaving a sleeping thread behind from every send, graded with the vetting
    // off (it refuses new Thread), and the reference everywhere else
    Path submission =
        Assembled.referenceWith(
            HOSTILE.resolve("q09/leaves-a-thread-running"), 9, work.resolve("left"));
    AtomicInteger started = new AtomicInteger();

    // when
    Scorecard scorecard = grade(submission, started);

    // then
    assertThat(scorecard.questions())
        .as("the questions of a submission whose question 9 leaves threads behind")
        .allSatisfy(question -> assertFull(question));
    assertThat(started)
        .as("defendants started: the first, then a new one for the questions after question 9")
        .hasValue(2);
  }

  @Test
  void codeThatLeavesNothingRunningKeepsItsDefendant() throws Exception {
    // given
    AtomicInteger started = new AtomicInteger();

    // when
    Scorecard scorecard = grade(Assembled.reference(work.resolve("reference")), started);

    // then
    assertThat(scorecard.score()).isEqualTo(scorecard.maxScore());
    assertThat(started).as("defendants started for the reference solution").hasValue(1);
  }

  private static void assertFull(QuestionScore question) {
    assertThat(question.score())
        .as("score of question %d; its tests: %s", question.number(), question.tests())
        .isEqualTo(question.maxScore());
  }

  private static Scorecard grade(Path submission, AtomicInteger started) throws Exception {
    DefendantRunner counting =
        new DefendantRunner(
            roots -> {
              started.incrementAndGet();
              return DefendantStarter.Started.unconfined(
                  DefendantGradingTest.plainDefendant(), roots);
            });
    try (Grader grader = new Grader(Graded.catalog(), counting, Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {
      return Scorer.score(
          Graded.scheme(),
          grader.grade(
              new SubmissionSource.SourceFolder(submission),
              RunSettings.defaults().withoutStaticVetting()));
    }
  }
}
