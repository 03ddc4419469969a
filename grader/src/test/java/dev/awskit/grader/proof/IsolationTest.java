package dev.awskit.grader.proof;

import static dev.awskit.grader.proof.ScorecardChecks.assertOthersFull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.CompileProblem;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.engine.TestResult;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.QuestionStatus;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that what goes wrong in one question costs that question only: a compile error, a
 * missing class, two classes for one contract, a missing constructor. And that grading is
 * repeatable.
 */
class IsolationTest {

  @TempDir Path work;

  @Test
  void compileErrorCostsOnlyItsQuestionAndShowsTheCompilersMessage() throws IOException {
    Path submission = reference();
    Path file = submission.resolve("dev/awskit/solutions/q06/DynamoDbManager.java");
    Files.writeString(
        file, Files.readString(file).replace("this.tableName = tableName;", "this.tableName = tablename;"));

    Scorecard scorecard = grade(submission);

    QuestionScore q06 = scorecard.question(6).orElseThrow();
    assertThat(q06.score()).isZero();
    assertThat(q06.status()).isEqualTo(QuestionStatus.NOT_COMPILED);
    assertThat(q06.compilerMessages())
        .singleElement()
        .asString()
        .matches("dev/awskit/solutions/q06/DynamoDbManager\\.java:\\d+: cannot find symbol(?s).*tablename.*");
    assertThat(q06.summary()).contains("dev/awskit/solutions/q06/DynamoDbManager.java does not compile");
    assertThat(scorecard.compileProblems()).extracting(CompileProblem::question).containsExactly(6);
    assertOthersFull(scorecard, 6, "a compile error in question 6");
  }

  @Test
  void brokenHelperOfNoQuestionIsReportedAndCostsNothing() throws IOException {
    Path submission = reference();
    Path helper = submission.resolve("com/student/Helper.java");
    Files.createDirectories(helper.getParent());
    Files.writeString(helper, "package com.student;\n\nclass Helper {\n  int broken() { return \"x\"; }\n}\n");

    Scorecard scorecard = grade(submission);

    assertThat(scorecard.compileProblems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.question()).isNull();
              assertThat(problem.file()).isEqualTo("com/student/Helper.java");
              assertThat(problem.messages()).singleElement().asString().startsWith("com/student/Helper.java:4: ");
            });
    assertThat(scorecard.score()).isEqualTo(scorecard.maxScore());
  }

  @Test
  void missingImplementationCostsOnlyItsQuestionInPlainWords() throws IOException {
    Path submission = reference();
    Files.delete(submission.resolve("dev/awskit/solutions/q07/UsersByStatusQuery.java"));

    Scorecard scorecard = grade(submission);

    QuestionScore q07 = scorecard.question(7).orElseThrow();
    assertThat(q07.score()).isZero();
    assertThat(q07.summary())
        .startsWith("Your submission has no class that implements UserQuery.")
        .contains("UsersByStatusQuery");
    assertOthersFull(scorecard, 7, "a missing implementation of question 7");
  }

  @Test
  void duplicateImplementationsCostOnlyTheirQuestionInPlainWords() throws IOException {
    Path submission = reference();
    Path original = submission.resolve("dev/awskit/solutions/q08/LambdaInvoker.java");
    Files.writeString(
        original.resolveSibling("SecondInvoker.java"),
        Files.readString(original).replace("LambdaInvoker", "SecondInvoker"));

    Scorecard scorecard = grade(submission);

    QuestionScore q08 = scorecard.question(8).orElseThrow();
    assertThat(q08.score()).isZero();
    assertThat(q08.summary())
        .contains("2 classes that implement FunctionInvoker")
        .contains("keep exactly one");
    assertOthersFull(scorecard, 8, "two implementations of question 8");
  }

  @Test
  void missingContractConstructorCostsOnlyItsQuestionInPlainWords() throws IOException {
    Path submission = reference();
    Path file = submission.resolve("dev/awskit/solutions/q10/S3ObjectLister.java");
    Files.writeString(
        file, Files.readString(file).replace("public S3ObjectLister(S3Client", "public S3ObjectLister(Object ignored, S3Client"));

    Scorecard scorecard = grade(submission);

    QuestionScore q10 = scorecard.question(10).orElseThrow();
    assertThat(q10.score()).isZero();
    assertThat(q10.summary()).contains("has no constructor S3ObjectLister(S3Client)");
    assertOthersFull(scorecard, 10, "a missing constructor in question 10");
  }

  @Test
  void submissionCannotReplaceAContract() throws IOException {
    Path submission = reference();
    Path contract = submission.resolve("dev/awskit/exercises/q11/ThrottlingRetry.java");
    Files.createDirectories(contract.getParent());
    Files.writeString(
        contract,
        "package dev.awskit.exercises.q11;\n\npublic interface ThrottlingRetry { void broken(); }\n");

    GradingResult result = Graded.grade(new SubmissionSource.SourceFolder(submission));

    assertThat(result.skippedFiles())
        .singleElement()
        .satisfies(skipped -> {
          assertThat(skipped.file()).isEqualTo("dev/awskit/exercises/q11/ThrottlingRetry.java");
          assertThat(skipped.reason()).contains("cannot replace");
        });
    Scorecard scorecard = Scorer.score(Graded.scheme(), result);
    assertThat(scorecard.score()).isEqualTo(scorecard.maxScore());
  }

  @Test
  void submissionCannotCompileAgainstTheReferenceSolution() throws IOException {
    Path submission = work.resolve("copycat");
    Path file = submission.resolve("dev/awskit/exercises/q01/ClientStylesExplainer.java");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "package dev.awskit.exercises.q01;\n\n"
            + "public class ClientStylesExplainer extends dev.awskit.solutions.q01.ClientStylesExplainer {}\n");

    GradingResult result = Graded.grade(new SubmissionSource.SourceFolder(submission));

    assertThat(result.compileProblems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.question()).isEqualTo(1);
              assertThat(problem.messages().get(0)).contains("dev.awskit.solutions.q01 does not exist");
            });
  }

  @Test
  void gradingTheSameSubmissionTwiceGivesTheSameOutcomes() throws IOException {
    Path submission = Assembled.referenceWith(
        Path.of("src", "test", "resources", "faulty", "q09", "no-chunking"), 9, work.resolve("twice"));

    GradingResult first = Graded.grade(new SubmissionSource.SourceFolder(submission));
    GradingResult second = Graded.grade(new SubmissionSource.SourceFolder(submission));

    assertThat(outcomes(second)).isEqualTo(outcomes(first));
    assertThat(Scorer.score(Graded.scheme(), second).score())
        .isEqualTo(Scorer.score(Graded.scheme(), first).score());
  }

  private Path reference() {
    return Assembled.reference(work.resolve("submission"));
  }

  private static Scorecard grade(Path submission) {
    return Scorer.score(Graded.scheme(), Graded.grade(new SubmissionSource.SourceFolder(submission)));
  }

  private static Map<String, TestOutcome> outcomes(GradingResult result) {
    return result.results().values().stream()
        .collect(Collectors.toMap(TestResult::testId, TestResult::outcome));
  }
}
