package dev.awskit.grader.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.HiddenTest;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shows that the tests' shares of a question add up to the question's points exactly. */
class TestSharesTest {

  private static QuestionRule rule(double points, int... weights) {
    List<TestWeight> tests =
        IntStream.range(0, weights.length)
            .mapToObj(
                index ->
                    new TestWeight(
                        new HiddenTest("T#t" + index, 1, "T", "t" + index, "test " + index, 1),
                        weights[index],
                        Visibility.VISIBLE))
            .toList();
    return new QuestionRule(1, "Question", "easy", points, tests);
  }

  private static BigDecimal sum(double[] shares) {
    return Arrays.stream(shares)
        .mapToObj(share -> new BigDecimal(Double.toString(share)))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void threeEqualTestsOfFivePointsShareThemToTheLastStep() {
    // given
    QuestionRule rule = rule(5, 1, 1, 1);

    // when
    double[] shares = Scorer.shares(rule);

    // then
    assertThat(shares).containsExactly(1.6667, 1.6667, 1.6666);
    assertThat(sum(shares)).isEqualByComparingTo("5");
  }

  @Test
  void unevenWeightsAddUpToTheQuestionsPointsAndKeepTheirOrder() {
    // given
    QuestionRule rule = rule(12, 3, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 2, 1);

    // when
    double[] shares = Scorer.shares(rule);

    // then
    assertThat(sum(shares)).isEqualByComparingTo("12");
    assertThat(shares[0]).isGreaterThan(shares[3]);
    assertThat(shares[3]).isGreaterThan(shares[1]);
  }

  @Test
  void aQuestionWithoutWeightSharesNothing() {
    // given
    QuestionRule rule = rule(8, 0, 0);

    // when / then
    assertThat(Scorer.shares(rule)).containsExactly(0, 0);
  }
}
