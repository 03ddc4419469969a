package dev.awskit.grader.scoring;

/**
 * Holds what lateness cost one submission, with everything the penalty rests on, so that a report
 * can show it. Written as it is into the stored batch results: every field is plain text or a
 * number.
 *
 * @param submittedAt when the submission was handed in, ISO-8601; empty when unknown
 * @param source where that time was read ({@link SubmissionTime#source()}); empty when unknown
 * @param dueAt the due date that applied, ISO-8601 with its offset
 * @param extended whether that due date is the student's own extension
 * @param minutesLate how many minutes after the due date it came in; 0 when before it
 * @param units how many started days or hours were charged; 0 when on time (or within grace)
 * @param per the unit charged by: {@code day} or {@code hour}
 * @param penalty the points taken, after the cap
 * @param capped whether the cap limited the penalty
 */
public record Lateness(
    String submittedAt,
    String source,
    String dueAt,
    boolean extended,
    long minutesLate,
    int units,
    String per,
    double penalty,
    boolean capped) {

  /** Tells whether the submission time is known. */
  public boolean known() {
    return !submittedAt.isEmpty();
  }

  /** Describes the lateness in one sentence for the student and the instructor. */
  public String describe() {
    String due = "due " + dueAt + (extended ? " (extended)" : "");
    if (!known()) {
      return "Submission time unknown, so no late penalty; " + due + ".";
    }
    String handedIn = "Submitted " + submittedAt + " (from " + source + "), " + due;
    if (units == 0) {
      return handedIn
          + (minutesLate > 0 ? ": " + minutesLate + " min late, within the grace period." : ": on time.");
    }
    return handedIn
        + ": "
        + units
        + " "
        + per
        + (units == 1 ? "" : "s")
        + " late, -"
        + Numbers.plain(penalty)
        + " points"
        + (capped ? " (the cap)" : "")
        + ".";
  }
}
