package dev.awskit.grader.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.awskit.grader.scoring.Adjustment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Holds one student's line of the gradebook and what it was computed from, so that a re-run can
 * tell whether it still holds. Kept as {@code batch-result.json} in the student's report folder.
 *
 * @param student the student's id
 * @param status what became of the submission
 * @param reason why it is unusable or what went wrong; empty when graded
 * @param scores points by gradebook column ({@code q01}, tier names, {@code total}); empty unless
 *     graded
 * @param submission the digest of the submission's content ({@link Fingerprints#ofSubmission})
 * @param settings the digest of the grading settings ({@link Fingerprints#ofSettings})
 * @param gradedAt when the submission was graded, ISO-8601
 * @param adjustment the overrides and late penalty applied after grading; {@code null} when
 *     nothing changes the raw score (and in results stored before adjustments existed)
 */
public record StudentResult(
    String student,
    RowStatus status,
    String reason,
    Map<String, Double> scores,
    String submission,
    String settings,
    String gradedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Adjustment adjustment) {

  /** Checks the required fields; the map is copied, in its order. */
  public StudentResult {
    Objects.requireNonNull(student, "student");
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    scores = scores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    submission = submission == null ? "" : submission;
    settings = settings == null ? "" : settings;
    gradedAt = gradedAt == null ? "" : gradedAt;
  }

  /** Creates a result with nothing changed after grading. */
  public StudentResult(
      String student,
      RowStatus status,
      String reason,
      Map<String, Double> scores,
      String submission,
      String settings,
      String gradedAt) {
    this(student, status, reason, scores, submission, settings, gradedAt, null);
  }

  /**
   * Returns this result with an adjustment, or with none when {@code applied} is {@code null}: its
   * {@link GradebookLayout#OVERRIDES}, {@link GradebookLayout#LATE_PENALTY} and {@link
   * GradebookLayout#FINAL} columns say what it changed, beside the raw columns, which stay.
   */
  public StudentResult withAdjustment(Adjustment applied) {
    Map<String, Double> columns = new LinkedHashMap<>(scores);
    GradebookLayout.ADJUSTMENT_COLUMNS.forEach(columns::remove);
    if (applied != null) {
      columns.put(GradebookLayout.OVERRIDES, applied.overridePoints());
      columns.put(GradebookLayout.LATE_PENALTY, applied.latePenalty());
      columns.put(GradebookLayout.FINAL, applied.finalScore());
    }
    return new StudentResult(
        student, status, reason, columns, submission, settings, gradedAt, applied);
  }

  /** Returns the score that counts: the final column when adjusted, else the total. */
  public double finalScore() {
    return adjustment == null ? score(GradebookLayout.TOTAL) : adjustment.finalScore();
  }

  /**
   * Returns the gradebook's reason cell: why the submission was not graded, or, for a graded one,
   * what changed its score after grading; empty when neither.
   */
  public String note() {
    if (!reason.isEmpty() || adjustment == null) {
      return reason;
    }
    return String.join(" ", adjustment.notes());
  }

  /** Returns the points of a column, zero when the result has none. */
  public double score(String column) {
    return scores.getOrDefault(column, 0.0);
  }

  /**
   * Tells whether this result may stand for a submission with these digests, without grading it
   * again.
   */
  public boolean stillHolds(String submissionDigest, String settingsDigest) {
    return status != RowStatus.ERROR
        && submission.equals(submissionDigest)
        && settings.equals(settingsDigest);
  }
}
