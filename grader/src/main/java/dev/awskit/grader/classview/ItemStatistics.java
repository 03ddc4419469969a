package dev.awskit.grader.classview;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.DoublePredicate;
import java.util.stream.IntStream;

/**
 * Computes the classical item statistics of one score column over a class: the figures a test
 * writer reads to tell a hard question from a broken one.
 *
 * <p>All figures are over the students given, in the same order in every array. A figure that
 * cannot be had (no students, or a column with no spread, whose correlation is undefined) is {@link
 * Double#NaN}, which the report shows as a dash.
 */
public final class ItemStatistics {

  /** Names the share of the class in each of the upper and lower groups of the index. */
  public static final double GROUP_SHARE = 0.27;

  // Gradebook points carry two decimals; anything closer than this is the same score.
  private static final double EPSILON = 1e-9;

  private ItemStatistics() {}

  /**
   * Returns the statistics of one item.
   *
   * @param column the item's gradebook column
   * @param max what the item is worth
   * @param item every student's points on the item
   * @param total every student's total, the item included
   */
  public static ItemStats of(String column, double max, double[] item, double[] total) {
    if (item.length != total.length) {
      throw new IllegalArgumentException("One item score and one total per student");
    }
    double[] rest = IntStream.range(0, item.length).mapToDouble(i -> total[i] - item[i]).toArray();
    return new ItemStats(
        column,
        max,
        item.length,
        mean(item),
        median(item),
        share(item, points -> points >= max - EPSILON),
        share(item, points -> points <= EPSILON),
        max > 0 ? mean(item) / max : Double.NaN,
        correlation(item, rest),
        upperLower(item, total, max));
  }

  /** Returns the arithmetic mean; NaN when there are no values. */
  public static double mean(double[] values) {
    return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
  }

  /** Returns the median (the mean of the middle two for an even count); NaN when empty. */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * Returns Pearson's correlation of two columns (for a right/wrong item, the point-biserial
   * correlation); NaN when either column has no spread.
   */
  public static double correlation(double[] x, double[] y) {
    double meanX = mean(x);
    double meanY = mean(y);
    double products = 0;
    double squaresX = 0;
    double squaresY = 0;
    for (int i = 0; i < x.length; i++) {
      products += (x[i] - meanX) * (y[i] - meanY);
      squaresX += (x[i] - meanX) * (x[i] - meanX);
      squaresY += (y[i] - meanY) * (y[i] - meanY);
    }
    if (squaresX <= EPSILON || squaresY <= EPSILON) {
      return Double.NaN;
    }
    return products / Math.sqrt(squaresX * squaresY);
  }

  /**
   * Returns the upper-lower index: the item's mean share of its maximum in the best 27 % of the
   * class by total, less that in the weakest 27 % (at least one student each). Ties in the total
   * keep the students' order. NaN with fewer than two students or a worthless item.
   */
  public static double upperLower(double[] item, double[] total, double max) {
    int n = item.length;
    if (n < 2 || max <= 0) {
      return Double.NaN;
    }
    int group = Math.max(1, (int) Math.round(GROUP_SHARE * n));
    Integer[] byTotal = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(byTotal, Comparator.comparingDouble(i -> total[i]));
    double lower = 0;
    double upper = 0;
    for (int k = 0; k < group; k++) {
      lower += item[byTotal[k]];
      upper += item[byTotal[n - 1 - k]];
    }
    return (upper - lower) / group / max;
  }

  /**
   * Counts the values in {@code bins} equal ranges from 0 to {@code max}; the last range holds
   * {@code max} itself, and values outside the range go to the nearest end.
   */
  public static int[] histogram(double[] values, double max, int bins) {
    int[] counts = new int[bins];
    for (double value : values) {
      int bin = max <= 0 ? 0 : (int) Math.floor(value / max * bins);
      counts[Math.max(0, Math.min(bins - 1, bin))]++;
    }
    return counts;
  }

  private static double share(double[] values, DoublePredicate test) {
    if (values.length == 0) {
      return Double.NaN;
    }
    return (double) Arrays.stream(values).filter(test).count() / values.length;
  }
}
