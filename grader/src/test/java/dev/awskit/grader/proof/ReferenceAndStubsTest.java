package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.HiddenTest;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.engine.TestResult;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.QuestionStatus;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Graded;
import org.junit.jupiter.api.Test;

/** Proves the two ends of the scale: the reference earns full marks, the stubs earn nothing. */
class ReferenceAndStubsTest {

  @Test
  void catalogHoldsTheQuestionsWithAtLeastSixHiddenTestsEach() {
    assertThat(Graded.catalog().questions()).isNotEmpty();
    assertThat(Graded.catalog().questions())
        .allSatisfy(
            question ->
                assertThat(question.tests())
                    .as("hidden tests of question %d", question.number())
                    .hasSizeGreaterThanOrEqualTo(6));
  }

  @Test
  void referenceSolutionPassesEveryHiddenTestForFullMarks() {
    Scorecard scorecard = Graded.referenceScorecard();

    for (HiddenTest test : Graded.catalog().tests()) {
      TestResult result = Graded.reference().results().get(test.id());
      assertThat(result.outcome())
          .as("%s (%s) against the reference", test.displayName(), test.id())
          .isInstanceOf(TestOutcome.Passed.class);
    }
    assertThat(scorecard.score()).isEqualTo(scorecard.maxScore());
    assertThat(scorecard.questions())
        .allSatisfy(question -> assertThat(question.status()).isEqualTo(QuestionStatus.PASSED));
  }

  @Test
  void untouchedStubsScoreZeroAndSayEachQuestionIsNotImplementedYet() {
    Scorecard scorecard = Scorer.score(Graded.scheme(), Graded.stubs());

    assertThat(scorecard.score()).isZero();
    for (Question question : Graded.catalog().questions()) {
      QuestionScore score = scorecard.question(question.number()).orElseThrow();
      assertThat(score.status()).as("question %d", question.number()).isEqualTo(QuestionStatus.NOT_IMPLEMENTED);
      assertThat(score.summary()).isEqualTo("Question " + question.number() + " is not implemented yet");
      assertThat(score.tests())
          .allSatisfy(
              test -> {
                assertThat(test.outcome().feedback())
                    .contains("Question " + question.number() + " is not implemented yet");
                // Every test of a stub alike, by type: JUnit XML counts them all as errors.
                assertThat(test.outcome()).as(test.name()).isInstanceOf(TestOutcome.NotImplemented.class);
              });
    }
  }
}
