package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ItemStatisticsTest {

  // Five students; an item worth 4. Worked by hand:
  // item [4, 2, 0, 4, 1], total [10, 6, 2, 9, 3], rest = total - item = [6, 4, 2, 5, 2].
  private static final double[] ITEM = {4, 2, 0, 4, 1};
  private static final double[] TOTAL = {10, 6, 2, 9, 3};

  @Test
  void computesTheFiguresOfOneItemAsWorkedByHand() {
    // given the class above

    // when
    ItemStats stats = ItemStatistics.of("q01", 4, ITEM, TOTAL);

    // then mean 11/5; median of [0 1 2 4 4]; 2 of 5 full, 1 of 5 zero; difficulty 2.2/4
    assertThat(stats.students()).isEqualTo(5);
    assertThat(stats.mean()).isCloseTo(2.2, within(1e-12));
    assertThat(stats.median()).isEqualTo(2.0);
    assertThat(stats.shareFull()).isCloseTo(0.4, within(1e-12));
    assertThat(stats.shareZero()).isCloseTo(0.2, within(1e-12));
    assertThat(stats.difficulty()).isCloseTo(0.55, within(1e-12));
    // deviations item [1.8 -0.2 -2.2 1.8 -1.2], rest [2.2 0.2 -1.8 1.2 -1.8]:
    // sum of products 12.2, sums of squares 12.8 and 12.8, r = 12.2 / 12.8
    assertThat(stats.discrimination()).isCloseTo(0.953125, within(1e-12));
    // groups of round(0.27 * 5) = 1: best total 10 has 4, weakest total 2 has 0: (4 - 0) / 4
    assertThat(stats.upperLower()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void takesTheUpperAndLowerGroupsAsTwentySevenPercentOfTheClass() {
    // given ten students, so groups of round(2.7) = 3; an item worth 2
    double[] item = {0, 0, 1, 1, 2, 1, 2, 2, 0, 2};
    double[] total = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    // when
    double index = ItemStatistics.upperLower(item, total, 2);

    // then upper (totals 8, 9, 10) holds 2 + 0 + 2 = 4, lower (1, 2, 3) holds 0 + 0 + 1 = 1
    assertThat(index).isCloseTo((4 - 1) / 3.0 / 2, within(1e-12));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(ItemStatistics.median(new double[] {5, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void correlationIsUndefinedWhenAColumnHasNoSpread() {
    // given everybody scoring the same on the item
    double[] item = {3, 3, 3};

    // when / then
    assertThat(ItemStatistics.correlation(item, new double[] {1, 2, 3})).isNaN();
    assertThat(ItemStatistics.of("q01", 3, item, new double[] {4, 5, 6}).discrimination()).isNaN();
  }

  @Test
  void figuresOfAnEmptyClassAreUndefined() {
    ItemStats stats = ItemStatistics.of("q01", 4, new double[0], new double[0]);

    assertThat(stats.mean()).isNaN();
    assertThat(stats.median()).isNaN();
    assertThat(stats.shareFull()).isNaN();
    assertThat(stats.upperLower()).isNaN();
  }

  @Test
  void histogramPutsTheMaximumInTheLastRange() {
    // given totals out of 10 in ten ranges
    double[] totals = {10, 6, 2, 9, 3, 0, 9.99};

    // when
    int[] counts = ItemStatistics.histogram(totals, 10, 10);

    // then
    assertThat(counts).containsExactly(1, 0, 1, 1, 0, 0, 1, 0, 0, 3);
  }
}
