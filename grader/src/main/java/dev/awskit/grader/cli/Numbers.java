package dev.awskit.grader.cli;

import java.math.BigDecimal;

/** Formats points for the command line's messages. */
final class Numbers {

  private Numbers() {}

  /** Formats points without trailing zeros: 5, 2.5, 100. */
  static String points(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
