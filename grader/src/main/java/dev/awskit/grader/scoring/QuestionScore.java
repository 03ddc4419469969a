package dev.awskit.grader.scoring;

import java.util.List;

/**
 * Scores one question.
 *
 * @param number the question number
 * @param title its title
 * @param tier the name of its tier
 * @param score the points earned
 * @param maxScore what the question is worth
 * @param status how it went, in one word
 * @param summary one sentence for the student when the whole question failed for one reason
 *     (not implemented, no implementation, did not compile, refused by the vetting); empty
 *     otherwise
 * @param compilerMessages the compiler's messages when its file did not compile
 * @param refusals why the static vetting refused its code (class, method, line and reason), when
 *     it did
 * @param tests the scores of its hidden tests
 */
public record QuestionScore(
    int number,
    String title,
    String tier,
    double score,
    double maxScore,
    QuestionStatus status,
    String summary,
    List<String> compilerMessages,
    List<String> refusals,
    List<TestScore> tests) {

  /** Creates a score; the lists are copied. */
  public QuestionScore {
    compilerMessages = List.copyOf(compilerMessages);
    refusals = List.copyOf(refusals);
    tests = List.copyOf(tests);
  }

  /** Creates a score of a question the static vetting did not refuse. */
  public QuestionScore(
      int number,
      String title,
      String tier,
      double score,
      double maxScore,
      QuestionStatus status,
      String summary,
      List<String> compilerMessages,
      List<TestScore> tests) {
    this(number, title, tier, score, maxScore, status, summary, compilerMessages, List.of(), tests);
  }

  /** Returns how many of its tests passed. */
  public long passedTests() {
    return tests.stream().filter(TestScore::passed).count();
  }
}
