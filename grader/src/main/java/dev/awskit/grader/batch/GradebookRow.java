package dev.awskit.grader.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Holds one student's line of a gradebook.
 *
 * @param student the student's id
 * @param status what became of the submission
 * @param scores the points of every score column, in the gradebook's order; kept to two decimals,
 *     halves rounded up, so that equal points compare equal however they were written
 * @param reason why the submission is unusable or what went wrong; empty when graded
 */
public record GradebookRow(
    String student, RowStatus status, List<BigDecimal> scores, String reason) {

  /** Checks the fields; the points are rounded to two decimals. */
  public GradebookRow {
    Objects.requireNonNull(student, "student");
    Objects.requireNonNull(status, "status");
    scores = scores.stream().map(points -> points.setScale(2, RoundingMode.HALF_UP)).toList();
    reason = reason == null ? "" : reason;
  }
}
