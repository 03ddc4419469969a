package dev.awskit.grader.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.FixtureCatalog;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.HiddenTest;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.engine.TestResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks that a question's status comes from the type of its tests' outcomes, not from words. */
class ScorerTest {

  private static final Catalog CATALOG = FixtureCatalog.load();
  private static final int QUESTION = 98;

  @Test
  void aQuestionWhoseEveryTestMetTheStubIsNotImplemented() {
    // given
    GradingResult result =
        everyTestEndingIn(new TestOutcome.NotImplemented("Question 98 is not implemented yet", ""));

    // when
    QuestionScore score = scoreOf(result);

    // then
    assertThat(score.status()).isEqualTo(QuestionStatus.NOT_IMPLEMENTED);
    assertThat(score.summary()).isEqualTo("Question 98 is not implemented yet");
    assertThat(score.score()).isZero();
  }

  @Test
  void aFailureThatOnlySaysNotImplementedYetIsAFailure() {
    // given
    GradingResult result =
        everyTestEndingIn(new TestOutcome.Threw("Question 98 is not implemented yet", ""));

    // when
    QuestionScore score = scoreOf(result);

    // then
    assertThat(score.status()).isEqualTo(QuestionStatus.FAILED);
  }

  private static GradingResult everyTestEndingIn(TestOutcome outcome) {
    Question question =
        CATALOG.questions().stream()
            .filter(candidate -> candidate.number() == QUESTION)
            .findFirst()
            .orElseThrow();
    Map<String, TestResult> results =
        question.tests().stream()
            .map(HiddenTest::id)
            .collect(Collectors.toMap(Function.identity(), id -> new TestResult(id, outcome, 1)));
    return new GradingResult(
        "fixture", Instant.EPOCH, Duration.ZERO, 1, List.of(), List.of(), results, List.of(),
        List.of());
  }

  private static QuestionScore scoreOf(GradingResult result) {
    return Scorer.score(GradingScheme.defaults(CATALOG), result).questions().stream()
        .filter(question -> question.number() == QUESTION)
        .findFirst()
        .orElseThrow();
  }
}
