package dev.awskit.grader.classview;

import java.util.List;

/**
 * Holds two students whose code JPlag found similar: a lead for the instructor to look into, never
 * a finding, and never a change to a score.
 *
 * @param first one student's id (the smaller)
 * @param second the other student's id
 * @param similarity JPlag's average similarity of the two over all questions, each question's
 *     files compared apart, 0 to 1, the base code left out ({@link CombinedSimilarity})
 * @param maximum JPlag's maximum similarity: the share of the smaller submission found in the other
 * @param questions the questions whose files hold matching code and whose own similarity reaches
 *     the threshold, in order
 */
public record SimilarPair(
    String first, String second, double similarity, double maximum, List<Integer> questions) {

  /** Copies the list. */
  public SimilarPair {
    questions = List.copyOf(questions);
  }
}
