package dev.awskit.grader.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * Holds when a submission was handed in and where the grader read it, so that a late penalty can
 * say what it rests on.
 *
 * @param at the moment of submission
 * @param source where it was read, in words: {@code submission_metadata.json}, {@code roster} or
 *     {@code file times}
 */
public record SubmissionTime(Instant at, String source) {

  /** Checks that both are given. */
  public SubmissionTime {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(source, "source");
  }
}
