package dev.awskit.grader.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writes points for people: at most two decimals, no trailing zeros. */
final class Numbers {

  private Numbers() {}

  /** Returns {@code value} as 5, 2.5 or 5.33. */
  static String plain(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }
}
