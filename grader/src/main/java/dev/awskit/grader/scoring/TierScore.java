package dev.awskit.grader.scoring;

import java.util.List;

/**
 * Scores one tier: the sum of its questions.
 *
 * @param name the tier's name
 * @param questions the numbers of its questions
 * @param score the points earned
 * @param maxScore what the tier is worth
 */
public record TierScore(String name, List<Integer> questions, double score, double maxScore) {

  /** Creates a score; the list is copied. */
  public TierScore {
    questions = List.copyOf(questions);
  }
}
