package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades every deliberately faulty implementation (it must lose points on its own question and
 * nowhere else) and every correct variant (full marks), each as a folder of sources: the
 * reference solution with the case's file in place of the same-named one.
 */
class FaultyAndVariantSweepTest {

  private static final Path FAULTY = Path.of("src", "test", "resources", "faulty");
  private static final Path VARIANTS = Path.of("src", "test", "resources", "variants");

  static List<String> faultyCases() {
    return Assembled.cases(FAULTY);
  }

  static List<String> variantCases() {
    return Assembled.cases(VARIANTS);
  }

  @ParameterizedTest(name = "faulty {0}")
  @MethodSource("faultyCases")
  void faultyImplementationLosesPointsOnItsOwnQuestionOnly(String caseName, @TempDir Path work) {
    int question = Assembled.questionOf(caseName);
    Scorecard scorecard = grade(FAULTY.resolve(caseName), question, work);

    QuestionScore own = scorecard.question(question).orElseThrow();
    assertThat(own.compilerMessages()).as("compiler messages of %s", caseName).isEmpty();
    assertThat(own.score())
        .as("question %d with %s loses points; its tests said: %s", question, caseName,
            own.tests().stream().map(test -> test.name() + " -> " + test.outcome()).toList())
        .isLessThan(own.maxScore());
    assertThat(scorecard.questions())
        .filteredOn(other -> other.number() != question)
        .allSatisfy(
            other ->
                assertThat(other.score())
                    .as("question %d while %s is graded", other.number(), caseName)
                    .isEqualTo(other.maxScore()));
  }

  /**
   * Returns the faulty cases whose code can never do its job in production: every query is
   * refused by DynamoDB (q07), no item is ever stored because every PutItem is refused (q06), the
   * keys in sub-folders are never listed (q10). Such code must lose at least three quarters of its
   * question. (Code that fails only some calls, such as ids with spaces in SendMessageBatch while
   * SendMessage works, is not held to this.)
   */
  static List<String> failingInProductionCases() {
    return List.of(
        "q06/put-returns-all-new",
        "q07/age-in-key-condition",
        "q07/consistent-read-on-gsi",
        "q07/query-without-index-name",
        "q07/status-also-in-filter",
        "q07/status-in-filter",
        "q07/unaliased-status",
        "q10/sends-delimiter");
  }

  @ParameterizedTest(name = "fails in production: {0}")
  @MethodSource("failingInProductionCases")
  void codeTheServiceRefusesOnEveryCallLosesThreeQuartersOfItsQuestion(
      String caseName, @TempDir Path work) {
    int question = Assembled.questionOf(caseName);
    Scorecard scorecard = grade(FAULTY.resolve(caseName), question, work);

    QuestionScore own = scorecard.question(question).orElseThrow();
    assertThat(own.score())
        .as("question %d with %s keeps at most a quarter of %s; its tests said: %s", question,
            caseName, own.maxScore(),
            own.tests().stream().filter(test -> test.passed()).map(test -> test.name()).toList())
        .isLessThanOrEqualTo(own.maxScore() / 4);
  }

  @ParameterizedTest(name = "variant {0}")
  @MethodSource("variantCases")
  void correctVariantEarnsFullMarks(String caseName, @TempDir Path work) {
    int question = Assembled.questionOf(caseName);
    Scorecard scorecard = grade(VARIANTS.resolve(caseName), question, work);

    assertThat(scorecard.questions())
        .allSatisfy(
            score ->
                assertThat(score.score())
                    .as("question %d with variant %s; its tests said: %s", score.number(), caseName,
                        score.tests().stream()
                            .filter(test -> !test.passed())
                            .map(test -> test.name() + " -> " + test.outcome().feedback())
                            .toList())
                    .isEqualTo(score.maxScore()));
  }

  private static Scorecard grade(Path caseFolder, int question, Path work) {
    Path submission = Assembled.referenceWith(caseFolder, question, work.resolve("submission"));
    GradingResult result = Graded.grade(new SubmissionSource.SourceFolder(submission));
    return Scorer.score(Graded.scheme(), result);
  }
}
