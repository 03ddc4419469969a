package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.QuestionStatus;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.testing.OneQuestionRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades every deliberately faulty implementation (it must lose points on its own question and
 * nowhere else) and every correct variant (full marks), each as the reference's sources of its
 * question with the case's file in place of the same-named one.
 *
 * <p>A case is graded by a grader of the whole kit (so its files are compiled, vetted and charged
 * to questions as in any grade) whose runner runs the tests of the case's question only: grading
 * the other eleven questions again in every case took most of the sweep's time and
 * could show nothing new. That they would keep full marks in a whole submission follows from
 * checks made here. Each question of the reference compiles and earns full marks alone, so it
 * needs nothing of the others, and their files cannot change what it compiles to. Every file of a
 * case declares its question's package, so the other questions' classes stay the reference's,
 * which earn full marks ({@link ReferenceAndStubsTest}); no compile error and no refused code of a
 * case is charged to another question; and no class of a case is one the other questions' tests
 * could take as their implementation. What a case could do to them through what the whole JVM
 * shares is refused by the static vetting (its system-state rule), and {@link HostileCorpusTest}
 * grades whole submissions to prove it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultyAndVariantSweepTest {

  private static final Path FAULTY = Path.of("src", "test", "resources", "faulty");
  private static final Path VARIANTS = Path.of("src", "test", "resources", "variants");

  /** Holds a grader whose runner runs the tests of one question. */
  private record Alone(Grader grader, OneQuestionRunner runner) {}

  /**
   * Holds what grading a submission for one question gave.
   *
   * @param own the score of the question
   * @param result the whole result, the other questions' tests not run
   * @param implementations the classes the tests would take as each contract's implementation
   */
  private record Outcome(
      QuestionScore own, GradingResult result, Map<String, List<String>> implementations) {}

  private final Map<Integer, Alone> graders = new HashMap<>();

  static List<Integer> questions() {
    return Graded.catalog().questions().stream().map(Question::number).toList();
  }

  static List<String> faultyCases() {
    return Assembled.cases(FAULTY);
  }

  static List<String> variantCases() {
    return Assembled.cases(VARIANTS);
  }

  @AfterAll
  void closeGraders() throws IOException {
    for (Alone alone : graders.values()) {
      alone.grader().close();
    }
  }

  @ParameterizedTest(name = "question {0}")
  @MethodSource("questions")
  void referenceOfEachQuestionEarnsFullMarksGradedAlone(int question, @TempDir Path work) {
    // given the reference's sources of one question, and nothing of the others
    Path submission = Assembled.question(question, work.resolve("submission"));
    Question asked = Graded.catalog().question(question).orElseThrow();

    // when
    Outcome outcome = gradeAlone(submission, question);

    // then it compiles without the others and passes every hidden test of its question
    QuestionScore own = outcome.own();
    assertThat(own.compilerMessages())
        .as("compiler messages of question %d of the reference alone; expected none", question)
        .isEmpty();
    assertThat(own.status())
        .as("status of question %d of the reference alone; its tests said: %s", question,
            own.tests().stream().map(test -> test.name() + " -> " + test.outcome()).toList())
        .isEqualTo(QuestionStatus.PASSED);
    assertThat(own.score())
        .as("score of question %d of the reference alone; expected full marks", question)
        .isEqualTo(own.maxScore());
    assertThat(outcome.implementations())
        .as("implementations the hidden tests would find in question %d of the reference alone",
            question)
        .isEqualTo(
            Map.of(
                asked.contract(),
                List.of(Assembled.packageOf(question) + "." + asked.implementation())));
  }

  @ParameterizedTest(name = "faulty {0}")
  @MethodSource("faultyCases")
  void faultyImplementationLosesPointsOnItsOwnQuestionOnly(String caseName, @TempDir Path work) {
    int question = Assembled.questionOf(caseName);

    Outcome outcome = grade(FAULTY, caseName, work);

    QuestionScore own = outcome.own();
    assertThat(own.compilerMessages()).as("compiler messages of %s", caseName).isEmpty();
    assertThat(own.score())
        .as("question %d with %s loses points; its tests said: %s", question, caseName,
            own.tests().stream().map(test -> test.name() + " -> " + test.outcome()).toList())
        .isLessThan(own.maxScore());
    assertNothingElseTouched(FAULTY, caseName, outcome);
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

    QuestionScore own = grade(FAULTY, caseName, work).own();

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

    Outcome outcome = grade(VARIANTS, caseName, work);

    QuestionScore own = outcome.own();
    assertThat(own.score())
        .as("question %d with variant %s; its tests said: %s", question, caseName,
            own.tests().stream()
                .filter(test -> !test.passed())
                .map(test -> test.name() + " -> " + test.outcome().feedback())
                .toList())
        .isEqualTo(own.maxScore());
    assertNothingElseTouched(VARIANTS, caseName, outcome);
  }

  /**
   * Checks that a case could cost no other question anything in a whole submission: its files
   * declare its question's package only (so they neither replace nor add another question's
   * class), no compile problem or refused code of it is charged to another question, and none of
   * its classes is one another question's tests would take as their implementation.
   */
  private static void assertNothingElseTouched(Path corpus, String caseName, Outcome outcome) {
    int question = Assembled.questionOf(caseName);
    String own = Assembled.packageOf(question);
    assertThat(Assembled.declaredPackages(corpus.resolve(caseName)))
        .as("packages the files of %s declare, by file; expected %s alone", caseName, own)
        .isNotEmpty()
        .allSatisfy((file, declared) -> assertThat(declared).as(file).isEqualTo(own));
    assertThat(outcome.result().compileProblems())
        .as("compile problems of %s charged to a question other than %d", caseName, question)
        .filteredOn(problem -> problem.question() != null && problem.question() != question)
        .isEmpty();
    assertThat(outcome.result().vettingProblems())
        .as("code of %s the vetting refused for a question other than %d", caseName, question)
        .filteredOn(problem -> problem.question() != null && problem.question() != question)
        .isEmpty();
    String contract = Graded.catalog().question(question).orElseThrow().contract();
    assertThat(outcome.implementations().keySet())
        .as("contracts the classes of %s implement, as the hidden tests choose; expected %s alone",
            caseName, contract)
        .isSubsetOf(contract);
  }

  private Outcome grade(Path corpus, String caseName, Path work) {
    int question = Assembled.questionOf(caseName);
    Path submission =
        Assembled.questionWith(corpus.resolve(caseName), question, work.resolve("submission"));
    return gradeAlone(submission, question);
  }

  /** Grades a submission for question {@code question} alone and scores it. */
  private Outcome gradeAlone(Path submission, int question) {
    Alone alone = graders.computeIfAbsent(question, FaultyAndVariantSweepTest::alone);
    try {
      GradingResult result =
          alone.grader()
              .grade(new SubmissionSource.SourceFolder(submission), RunSettings.defaults());
      QuestionScore own = Scorer.score(Graded.scheme(), result).question(question).orElseThrow();
      return new Outcome(own, result, alone.runner().implementations());
    } catch (SubmissionUnusableException unusable) {
      throw new IllegalStateException(unusable);
    }
  }

  private static Alone alone(int question) {
    OneQuestionRunner runner = new OneQuestionRunner(Graded.catalog(), question);
    return new Alone(
        new Grader(Graded.catalog(), runner, Clock.fixed(Graded.NOW, ZoneOffset.UTC)), runner);
  }
}
