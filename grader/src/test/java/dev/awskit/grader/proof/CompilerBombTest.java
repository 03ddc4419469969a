package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.QuestionStatus;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Grades the reference solution with one file replaced by a source that makes javac overflow its
 * stack, and proves that the grade goes on: only that file's question scores nothing, and its
 * student reads why.
 */
class CompilerBombTest {

  private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "q02/compiler-stack-bomb-sum, dev/awskit/solutions/q02/CredentialChainDescriber.java",
    "q08/compiler-stack-bomb-parentheses, dev/awskit/solutions/q08/LambdaInvoker.java"
  })
  void bombCostsOnlyItsQuestion(String caseName, String file, @TempDir Path work) {
    // given
    int question = Assembled.questionOf(caseName);
    Path submission = Assembled.referenceWith(HOSTILE.resolve(caseName), question, work);

    // when
    GradingResult result = Graded.grade(new SubmissionSource.SourceFolder(submission));

    // then
    Scorecard scorecard = Scorer.score(Graded.scheme(), result);
    QuestionScore own = scorecard.question(question).orElseThrow();
    assertThat(own.score()).isZero();
    assertThat(own.status()).isEqualTo(QuestionStatus.NOT_COMPILED);
    assertThat(own.compilerMessages())
        .containsExactly(
            "The compiler could not compile your code: it ran out of stack space on " + file
                + " (an expression nested too deeply, or too many chained constants). Simplify"
                + " that code: split long expressions and chains of constants into smaller"
                + " steps.");
    assertThat(own.tests())
        .allSatisfy(
            test ->
                assertThat(test.outcome().feedback())
                    .contains("Your file " + file + " does not compile"));
    assertThat(scorecard.questions())
        .filteredOn(other -> other.number() != question)
        .allSatisfy(
            other ->
                assertThat(other.score())
                    .as("question %d while %s is graded", other.number(), caseName)
                    .isEqualTo(other.maxScore()));
  }
}
