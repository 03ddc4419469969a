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
