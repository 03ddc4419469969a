package dev.awskit.grader.distribution;

import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.scoring.TestWeight;
import dev.awskit.grader.scoring.Visibility;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes the list of hidden checks that the student kit ships, so that the students' progress
 * view can say what the grader checks: each question's tier and points, and each check's name and
 * share of the points, as {@code list} prints them. It holds names and points only, never a test
 * class, method or line; a test the policy hides from students is counted in no line.
 *
 * <p>The format is tab-separated: {@code Q, number, tier, points} starts a question, {@code C,
 * number, points, name} is one check. The exercises module reads it as the resource {@value
 * #RESOURCE}.
 */
public final class HiddenCheckList {

  /** Names where the list lives in the repository and in the kit. */
  public static final String RESOURCE =
      "exercises/src/test/resources/dev/awskit/exercises/progress/hidden-checks.tsv";

  private HiddenCheckList() {}

  /** Returns the list of the checks that {@code scheme} scores. */
  public static String render(GradingScheme scheme) {
    StringBuilder text = new StringBuilder();
    text.append("# What the grader checks in each question, with the points of each check.\n")
        .append("# Written by your instructor's tools; the progress table reads it.\n");
    for (QuestionRule rule : scheme.questions()) {
      text.append(String.join("\t", "Q", String.valueOf(rule.number()), rule.tier(),
              points(rule.maxPoints())))
          .append('\n');
      double total = rule.totalWeight();
      // Each check shows the rounded running total less the one before it, so that the rounded
      // shares of a question with many checks still add up to its points.
      double weightSoFar = 0;
      long hundredthsSoFar = 0;
      for (TestWeight weight : rule.tests()) {
        weightSoFar += weight.weight();
        long hundredths = total > 0 ? Math.round(weightSoFar / total * rule.maxPoints() * 100) : 0;
        double share = (hundredths - hundredthsSoFar) / 100.0;
        hundredthsSoFar = hundredths;
        if (weight.visibility() == Visibility.HIDDEN) {
          continue;
        }
        text.append(String.join("\t", "C", String.valueOf(rule.number()), points(share),
                weight.test().displayName().replaceAll("\\s+", " ").strip()))
            .append('\n');
      }
    }
    return text.toString();
  }

  /** Formats points with at most two decimals and no trailing zeros: 5, 2.5, 0.67. */
  private static String points(double value) {
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
