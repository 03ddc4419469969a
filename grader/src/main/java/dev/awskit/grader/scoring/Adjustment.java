package dev.awskit.grader.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds what changed a graded submission's score after grading: the instructor's overrides and
 * the late penalty, beside the raw score the hidden tests gave, which stays as it was.
 *
 * <p>The final score is the raw score, plus what the overrides changed, minus the late penalty,
 * never below zero. Written as it is into the stored batch results.
 *
 * @param raw the total the hidden tests gave
 * @param overrides the overrides applied, in question order
 * @param late what lateness cost; {@code null} when the policy sets no due date
 * @param finalScore the score that counts
 */
public record Adjustment(
    double raw, List<AppliedOverride> overrides, Lateness late, double finalScore) {

  /** Copies the list. */
  public Adjustment {
    overrides = List.copyOf(overrides);
  }

  /**
   * Works out the final score of a raw total.
   *
   * @param raw the total the hidden tests gave
   * @param overrides the overrides applied
   * @param late what lateness cost, or {@code null} without a due date
   */
  public static Adjustment of(double raw, List<AppliedOverride> overrides, Lateness late) {
    double changed = raw + overrides.stream().mapToDouble(AppliedOverride::change).sum();
    double penalty = late == null ? 0 : late.penalty();
    return new Adjustment(raw, overrides, late, Math.max(0, changed - penalty));
  }

  /** Returns what the overrides added (negative: took) in all. */
  public double overridePoints() {
    return overrides.stream().mapToDouble(AppliedOverride::change).sum();
  }

  /** Returns the points lateness took. */
  public double latePenalty() {
    return late == null ? 0 : late.penalty();
  }

  /** Returns one line per change, for a report or a gradebook note; empty when nothing changed. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (AppliedOverride override : overrides) {
      notes.add(override.describe());
    }
    if (late != null && (late.units() > 0 || late.extended() || !late.known())) {
      notes.add(late.describe());
    }
    return notes;
  }

  /**
   * Holds one override as applied to a question.
   *
   * @param question the question's number
   * @param before its score as graded
   * @param after its score after the override
   * @param reason the instructor's reason
   */
  public record AppliedOverride(int question, double before, double after, String reason) {

    /** Returns what it added (negative: took). */
    public double change() {
      return after - before;
    }

    /** Describes it in one sentence. */
    public String describe() {
      double change = change();
      return "Question "
          + question
          + ": "
          + Numbers.plain(before)
          + " -> "
          + Numbers.plain(after)
          + " ("
          + (change >= 0 ? "+" : "")
          + Numbers.plain(change)
          + ") by the instructor: "
          + reason;
    }
  }
}
