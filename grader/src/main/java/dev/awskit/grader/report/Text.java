package dev.awskit.grader.report;

import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.scoring.Adjustment;
import dev.awskit.grader.scoring.Scorecard;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats numbers, durations and outcomes the same way in every report. */
final class Text {

  private Text() {}

  /** Formats points without trailing zeros: 5, 2.5, 3.33. */
  static String points(double value) {
    BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
  }

  /** Formats a test's share of the points to two decimals: {@code 0.71 points}, {@code 1 point}. */
  static String share(double value) {
    String shown = points(Math.round(value * 100) / 100.0);
    return shown + (shown.equals("1") ? " point" : " points");
  }

  /** Formats a score out of a maximum: {@code 2.5 / 5}. */
  static String score(double score, double max) {
    return points(score) + " / " + points(max);
  }

  /**
   * Returns the lines that tell how the score changed after grading: the raw score, every
   * override and the lateness, and the final score; none when nothing changed it.
   */
  static List<String> adjustment(Scorecard scorecard) {
    if (scorecard.adjustment().isEmpty()) {
      return List.of();
    }
    Adjustment adjustment = scorecard.adjustment().get();
    List<String> lines = new ArrayList<>();
    lines.add("Raw score from the hidden tests: " + score(adjustment.raw(), scorecard.maxScore()));
    adjustment.overrides().forEach(override -> lines.add(override.describe()));
    if (adjustment.late() != null) {
      lines.add(adjustment.late().describe());
    }
    lines.add("Final score: " + score(round(adjustment.finalScore()), scorecard.maxScore()));
    return lines;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Formats a duration in seconds with one decimal: {@code 1.3 s}. */
  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** Returns the one-word status of an outcome, as the JSON report names it. */
  static String status(TestOutcome outcome) {
    if (outcome instanceof TestOutcome.Passed) {
      return "passed";
    }
    if (outcome instanceof TestOutcome.Failed) {
      return "failed";
    }
    if (outcome instanceof TestOutcome.Threw) {
      return "threw";
    }
    if (outcome instanceof TestOutcome.NotImplemented) {
      return "not-implemented";
    }
    if (outcome instanceof TestOutcome.TimedOut) {
      return "timed-out";
    }
    return "not-run";
  }

  /** Indents every line after the first by {@code indent}. */
  static String indentFollowing(String text, String indent) {
    return text.strip().replace("\r\n", "\n").replace("\n", "\n" + indent);
  }
}
