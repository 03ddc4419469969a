package dev.awskit.grader.classview;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds a pair's similarity over a whole submission, combined from the comparisons of each
 * question's files apart.
 *
 * <p>The shares are JPlag's, summed over the questions before dividing: the similarity is twice
 * the matched tokens over both students' own tokens (base code left out), which is the mean of
 * the questions' similarities weighted by their own tokens, and equals JPlag's average similarity
 * of the whole submissions had no match been allowed to cross from one question to another. A
 * question one of the two left as the stub adds the other's tokens, unmatched.
 *
 * @param similarity the matched tokens, twice, over both students' own tokens, 0 to 1
 * @param maximum the matched tokens over the smaller student's own tokens, 0 to 1
 * @param questions the questions (not {@link QuestionParser#NO_QUESTION}) that hold matching code
 *     and whose own similarity reaches the threshold, in order
 */
record CombinedSimilarity(double similarity, double maximum, List<Integer> questions) {

  /** Copies the list. */
  CombinedSimilarity {
    questions = List.copyOf(questions);
  }

  /**
   * Holds one question's comparison of a pair.
   *
   * @param question the question's number
   * @param matched the tokens the two have in common
   * @param ownFirst the first student's own tokens in this question; 0 when left as the stub
   * @param ownSecond the second student's
   */
  record Part(int question, int matched, int ownFirst, int ownSecond) {

    /** Returns JPlag's average similarity of this question's code alone. */
    double similarity() {
      int own = ownFirst + ownSecond;
      return own == 0 ? 0 : 2.0 * matched / own;
    }
  }

  /**
   * Combines the questions' comparisons.
   *
   * @param parts one per question either student wrote code in
   * @param threshold the similarity from which a question is named as holding shared code
   */
  static CombinedSimilarity of(List<Part> parts, double threshold) {
    long matched = 0;
    long ownFirst = 0;
    long ownSecond = 0;
    List<Integer> questions = new ArrayList<>();
    for (Part part : parts) {
      matched += part.matched();
      ownFirst += part.ownFirst();
      ownSecond += part.ownSecond();
      if (part.question() != QuestionParser.NO_QUESTION
          && part.matched() > 0
          && part.similarity() >= threshold) {
        questions.add(part.question());
      }
    }
    long own = ownFirst + ownSecond;
    long smaller = Math.min(ownFirst, ownSecond);
    return new CombinedSimilarity(
        own == 0 ? 0 : 2.0 * matched / own,
        smaller == 0 ? 0 : (double) matched / smaller,
        questions.stream().sorted().toList());
  }
}
