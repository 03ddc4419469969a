package dev.awskit.grader.batch;

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
 */
public record StudentResult(
    String student,
    RowStatus status,
    String reason,
    Map<String, Double> scores,
    String submission,
    String settings,
    String gradedAt) {

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
