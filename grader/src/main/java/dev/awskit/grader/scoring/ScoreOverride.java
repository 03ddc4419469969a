package dev.awskit.grader.scoring;

import java.util.Objects;

/**
 * Holds one line of an overrides file: a change to one student's score on one question, with the
 * instructor's reason.
 *
 * @param student the submission's name
 * @param question the question's number
 * @param value the new score, or the points to add (negative: to take) when {@code delta}
 * @param delta whether {@code value} is added to the graded score rather than replacing it
 * @param reason why, in the instructor's words; shown to the student
 * @param line the line of the overrides file it came from
 */
public record ScoreOverride(
    String student, int question, double value, boolean delta, String reason, int line) {

  /** Checks the fields. */
  public ScoreOverride {
    Objects.requireNonNull(student, "student");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns the question's score after this change, kept between 0 and {@code max}. */
  public double applyTo(double graded, double max) {
    double changed = delta ? graded + value : value;
    return Math.max(0, Math.min(max, changed));
  }
}
