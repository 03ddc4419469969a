package dev.awskit.grader.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds what will change one student's score once graded: the lateness, known before grading, and
 * the instructor's overrides, which need the graded question scores.
 *
 * @param late what lateness costs; {@code null} when the policy sets no due date
 * @param overrides the student's overrides, at most one per question
 */
public record AdjustmentPlan(Lateness late, List<ScoreOverride> overrides) {

  /** Names the plan that changes nothing. */
  public static final AdjustmentPlan NONE = new AdjustmentPlan(null, List.of());

  /** Copies the list, in question order. */
  public AdjustmentPlan {
    overrides =
        overrides.stream().sorted(Comparator.comparingInt(ScoreOverride::question)).toList();
  }

  /** Tells whether the plan changes nothing: no due date and no override. */
  public boolean isEmpty() {
    return late == null && overrides.isEmpty();
  }

  /** Returns the adjustment of a scorecard. */
  public Adjustment applyTo(Scorecard scorecard) {
    Map<Integer, Double> graded = new HashMap<>();
    Map<Integer, Double> max = new HashMap<>();
    for (QuestionScore question : scorecard.questions()) {
      graded.put(question.number(), question.score());
      max.put(question.number(), question.maxScore());
    }
    return applyTo(scorecard.score(), graded, max);
  }

  /**
   * Returns the adjustment of a raw total and its question scores.
   *
   * @param raw the total the hidden tests gave
   * @param graded every question's graded score, by number
   * @param max every question's maximum, by number
   */
  public Adjustment applyTo(double raw, Map<Integer, Double> graded, Map<Integer, Double> max) {
    List<Adjustment.AppliedOverride> applied = new ArrayList<>();
    for (ScoreOverride override : overrides) {
      double before = graded.getOrDefault(override.question(), 0.0);
      double after = override.applyTo(before, max.getOrDefault(override.question(), 0.0));
      applied.add(
          new Adjustment.AppliedOverride(override.question(), before, after, override.reason()));
    }
    return Adjustment.of(raw, applied, late);
  }

  /** Returns a stable text of the plan, for a fingerprint of what a student's reports show. */
  public String fingerprint() {
    StringBuilder text = new StringBuilder();
    text.append(late).append('\n');
    overrides.forEach(
        override ->
            text.append(override.question())
                .append(override.delta() ? " +" : " =")
                .append(override.value())
                .append(' ')
                .append(override.reason())
                .append('\n'));
    return text.toString();
  }
}
