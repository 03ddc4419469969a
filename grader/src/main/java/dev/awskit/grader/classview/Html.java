package dev.awskit.grader.classview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Escapes text and formats numbers for the class report's page. */
final class Html {

  /** Shows a figure that cannot be had (see {@link ItemStatistics}). */
  static final String NONE = "–";

  private Html() {}

  /** Escapes text for an element's content or a quoted attribute. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Formats points to at most two decimals without trailing zeros: 5, 2.5, 3.33. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return NONE;
    }
    BigDecimal decimal =
        BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
  }

  /** Formats an index to two decimals: 0.43, -0.05. */
  static String fixed(double value) {
    return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%.2f", value);
  }

  /** Formats a share as a whole percentage: 43 %. */
  static String percent(double share) {
    return Double.isNaN(share) ? NONE : String.format(Locale.ROOT, "%.0f %%", share * 100);
  }
}
