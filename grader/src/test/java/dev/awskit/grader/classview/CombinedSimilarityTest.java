package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.classview.CombinedSimilarity.Part;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the combination of a pair's questions against figures worked out by hand. */
class CombinedSimilarityTest {

  @Test
  void weighsEachQuestionByItsTokens() {
    // given question 1 copied (100 tokens each, all matched) and question 2 written apart (300
    // tokens each, none matched)
    List<Part> parts = List.of(new Part(1, 100, 100, 100), new Part(2, 0, 300, 300));

    // when
    CombinedSimilarity combined = CombinedSimilarity.of(parts, 0.5);

    // then 2 * 100 / 800 = 0.25, though question 1 alone is 1.0 and the plain mean 0.5
    assertThat(combined.similarity()).isEqualTo(0.25);
    assertThat(combined.maximum()).isEqualTo(100.0 / 400);
    assertThat(combined.questions()).containsExactly(1);
  }

  @Test
  void countsAQuestionOneLeftAsTheStubAsUnmatched() {
    // given question 1: 90 of 100 tokens matched; question 2 written by the second only (200)
    List<Part> parts = List.of(new Part(1, 90, 100, 100), new Part(2, 0, 0, 200));

    // when
    CombinedSimilarity combined = CombinedSimilarity.of(parts, 0.5);

    // then 2 * 90 / 400 = 0.45; the first's 100 tokens hold 90 matched: maximum 0.9
    assertThat(combined.similarity()).isEqualTo(0.45);
    assertThat(combined.maximum()).isEqualTo(0.9);
    assertThat(combined.questions()).containsExactly(1);
  }

  @Test
  void namesTheQuestionsThatReachTheThresholdOnTheirOwn() {
    // given question 3 at 2 * 40 / 100 = 0.8, question 5 at 2 * 10 / 100 = 0.2, question 7 at
    // 2 * 30 / 120 = 0.5
    List<Part> parts =
        List.of(new Part(3, 40, 50, 50), new Part(5, 10, 50, 50), new Part(7, 30, 60, 60));

    // when
    CombinedSimilarity combined = CombinedSimilarity.of(parts, 0.5);

    // then 2 * 80 / 320 = 0.5 overall
    assertThat(combined.similarity()).isEqualTo(0.5);
    assertThat(combined.questions()).containsExactly(3, 7);
  }

  @Test
  void neverNamesTheFilesOutsideTheQuestionFolders() {
    // given the code outside any question folder (group 0) copied, question 2 not
    List<Part> parts =
        List.of(
            new Part(QuestionParser.NO_QUESTION, 50, 50, 50), new Part(2, 0, 50, 50));

    // when
    CombinedSimilarity combined = CombinedSimilarity.of(parts, 0.5);

    // then it counts, but is no question
    assertThat(combined.similarity()).isEqualTo(0.5);
    assertThat(combined.questions()).isEmpty();
  }

  @Test
  void isNothingWithoutCodeOfTheirOwn() {
    // given two untouched stubs: no own tokens anywhere
    CombinedSimilarity combined = CombinedSimilarity.of(List.of(new Part(1, 0, 0, 0)), 0.0);

    // then
    assertThat(combined.similarity()).isZero();
    assertThat(combined.maximum()).isZero();
    assertThat(combined.questions()).isEmpty();
  }

  @Test
  void readsTheQuestionFromTheFolderOnTheFilesPath() {
    assertThat(QuestionParser.questionOf(Path.of("dev/awskit/solutions/q06/A.java"))).isEqualTo(6);
    assertThat(QuestionParser.questionOf(Path.of("q12/B.java"))).isEqualTo(12);
    assertThat(QuestionParser.questionOf(Path.of("dev/awskit/Helper.java")))
        .isEqualTo(QuestionParser.NO_QUESTION);
    assertThat(QuestionParser.questionOf(Path.of("dev/awskit/q6x/C.java")))
        .isEqualTo(QuestionParser.NO_QUESTION);
  }
}
