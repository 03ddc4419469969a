package dev.awskit.grader.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsolationCostTest {

  private static IsolationCost.Pair pair(long autoMillis, long jvmMillis) {
    return new IsolationCost.Pair(Duration.ofMillis(autoMillis), Duration.ofMillis(jvmMillis));
  }

  @Test
  void comparesTheMedianOfThePairsRatiosSoThatOneSlowRunDoesNotDecide() {
    // given three batch pairs, one of them disturbed at the auto level
    List<IsolationCost.Pair> batch = List.of(pair(30_000, 30_000), pair(45_000, 30_000), pair(31_000, 30_000));

    // when
    double ratio = IsolationCost.medianRatio(batch);

    // then
    assertThat(ratio).isCloseTo(31.0 / 30.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void saysWhetherEachRatioMetTheTarget() {
    // given a cold grade that costs the same at both levels and a batch that costs 20 % more
    IsolationCost cost =
        new IsolationCost(
            "isolation: os",
            List.of(pair(5_000, 5_000), pair(4_000, 4_400)),
            List.of(pair(36_000, 30_000)));

    // when
    String rows = cost.rows();

    // then
    assertThat(rows.lines())
        .anySatisfy(line -> assertThat(line).contains("cold grade").contains("0.95 (met)"))
        .anySatisfy(line -> assertThat(line).contains("batch").contains("1.20 (not met)"));
  }
}
