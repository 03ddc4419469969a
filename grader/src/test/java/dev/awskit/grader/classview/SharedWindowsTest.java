package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checks the bound on what two streams can match, on streams of numbered tokens, windows of 9. */
class SharedWindowsTest {

  private static final int LENGTH = 9;

  @Test
  void coversTwoEqualStreamsWholly() {
    // given tokens 1 .. 20 in both
    SharedWindows one = windows(range(1, 20), new boolean[20]);
    SharedWindows two = windows(range(1, 20), new boolean[20]);

    // then all 20 may match
    assertThat(SharedWindows.bound(one, two)).isEqualTo(20);
  }

  @Test
  void countsNoRunShorterThanTheMinimumMatch() {
    // given 1 .. 8 in common, then 100 .. 111 against 200 .. 211
    SharedWindows one = windows(concat(range(1, 8), range(100, 111)), new boolean[20]);
    SharedWindows two = windows(concat(range(1, 8), range(200, 211)), new boolean[20]);

    // then no window of 9 is shared
    assertThat(SharedWindows.bound(one, two)).isZero();
  }

  @Test
  void countsARunOfTheMinimumMatchAndTheLongerRunsOnceEach() {
    // given 1 .. 9 (9 tokens) and 21 .. 32 (12 tokens) in common, apart by 50 .. 52 and 60 .. 62
    int[] first = concat(range(1, 9), concat(range(50, 52), range(21, 32)));
    int[] second = concat(range(1, 9), concat(range(60, 62), range(21, 32)));

    // then 9 + 12 tokens lie in shared windows
    assertThat(
            SharedWindows.bound(
                windows(first, new boolean[first.length]),
                windows(second, new boolean[second.length])))
        .isEqualTo(21);
  }

  @Test
  void takesTheSmallerOfTheTwoCoverings() {
    // given 1 .. 10 once in the first, twice in the second
    SharedWindows one = windows(range(1, 10), new boolean[10]);
    SharedWindows two = windows(concat(range(1, 10), range(1, 10)), new boolean[20]);

    // then the second's 20 covered tokens cannot all match the first's 10
    assertThat(two.coveredBy(one)).isEqualTo(20);
    assertThat(SharedWindows.bound(one, two)).isEqualTo(10);
  }

  @Test
  void leavesOutMarkedTokens() {
    // given 1 .. 12 in both, the first's seventh token marked (base code): runs of 6 and 5
    boolean[] marked = new boolean[12];
    marked[6] = true;
    SharedWindows one = windows(range(1, 12), marked);
    SharedWindows two = windows(range(1, 12), new boolean[12]);

    // then no window of 9 is unmarked in the first
    assertThat(SharedWindows.bound(one, two)).isZero();
  }

  private static SharedWindows windows(int[] values, boolean[] marked) {
    return SharedWindows.of(values, marked, LENGTH);
  }

  private static int[] range(int from, int to) {
    return IntStream.rangeClosed(from, to).toArray();
  }

  private static int[] concat(int[] one, int[] two) {
    return IntStream.concat(IntStream.of(one), IntStream.of(two)).toArray();
  }
}
