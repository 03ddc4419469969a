package dev.awskit.grader.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Holds what grading cost at the level {@code auto} gave and at the {@code jvm} level, measured in
 * pairs run back to back.
 *
 * <p>A pair's two runs are taken minutes apart at most, so drift on a shared machine hits both
 * alike; which level runs first alternates from pair to pair, so an order effect (a warm page
 * cache, a neighbour's burst) cancels out. The figure compared with the target is the median of
 * the pairs' ratios.
 *
 * @param level the line the grader's {@code isolation} command printed
 * @param cold one pair per cold run: the grade at {@code auto}, then at {@code jvm}
 * @param batch one pair per batch run
 */
record IsolationCost(String level, List<Pair> cold, List<Pair> batch) {

  static final double TARGET = 1.10;

  /**
   * Holds one measurement at each level.
   *
   * @param auto how long the run at the level {@code auto} gave took
   * @param jvm how long the same run at the {@code jvm} level took
   */
  record Pair(Duration auto, Duration jvm) {

    double ratio() {
      return auto.toMillis() / (double) jvm.toMillis();
    }

    String describe() {
      return String.format(Locale.ROOT, "%.1f/%.1f", auto.toMillis() / 1000.0, jvm.toMillis() / 1000.0);
    }
  }

  /** Returns the report's rows for the isolation's cost. */
  String rows() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "| 5. isolation used (auto) | %s | |%n", level.replace("|", "/")));
    out.append(row("cold grade", cold));
    out.append(row("batch", batch));
    return out.toString();
  }

  private static String row(String what, List<Pair> pairs) {
    double ratio = medianRatio(pairs);
    return String.format(Locale.ROOT,
        "| 5. %s, auto / jvm level, median ratio of %d pairs | %.2f (%s) (pairs in s: %s) | at most %.2f |%n",
        what, pairs.size(), ratio, ratio <= TARGET ? "met" : "not met",
        pairs.stream().map(Pair::describe).collect(Collectors.joining(", ")), TARGET);
  }

  /** Returns the median of the pairs' ratios of auto to jvm. */
  static double medianRatio(List<Pair> pairs) {
    List<Double> ratios = new ArrayList<>(pairs.stream().map(Pair::ratio).sorted().toList());
    int middle = ratios.size() / 2;
    return ratios.size() % 2 == 1 ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
  }
}
