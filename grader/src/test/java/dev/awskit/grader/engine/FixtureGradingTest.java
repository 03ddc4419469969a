package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Grades small fixture submissions of fixture questions 98 and 99 with the real engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureGradingTest {

  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixture");
  private static final String GREETS = "dev.awskit.grader.hidden.q99.GreeterChecks#greetsByName";

  private Catalog catalog;
  private Grader grader;

  @BeforeAll
  void createGrader() {
    catalog = Catalog.scan(Catalog.CONTRACTS_PACKAGE, Catalog.HIDDEN_TESTS_PACKAGE, 98, 99);
    grader = new Grader(catalog, SubmissionRunner.inProcess(), Clock.systemUTC());
  }

  @AfterAll
  void closeGrader() throws Exception {
    grader.close();
  }

  @Test
  void catalogFindsFixtureQuestionsAndTheirTests() {
    assertThat(catalog.questions()).extracting(Question::number).containsExactly(98, 99);
    assertThat(catalog.question(99).orElseThrow().tests())
        .extracting(HiddenTest::displayName)
        .containsExactlyInAnyOrder(
            "greets a person by name", "refuses a blank name with GreetingException",
            "greets short names");
    assertThat(catalog.test(GREETS).orElseThrow().points()).isEqualTo(2);
  }

  @Test
  void goodSubmissionPassesEveryTest() throws Exception {
    GradingResult result = grade("good");

    assertThat(result.results().values()).allMatch(r -> r.outcome().passed(), "passed");
    assertThat(result.compiledFiles()).isEqualTo(2);
  }

  @Test
  void workspaceLeavesOutContractsAndStudentTests() throws Exception {
    GradingResult result =
        grader.grade(
            new SubmissionSource.Workspace(FIXTURES.resolve("workspace/src/main/java")),
            RunSettings.defaults());

    assertThat(result.skippedFiles())
        .extracting(SkippedFile::file)
        .containsExactly("dev/awskit/exercises/q99/Greeter.java");
    assertThat(result.results().values()).allMatch(r -> r.outcome().passed(), "passed");
  }

  @Test
  void compileErrorCostsOnlyItsQuestion() throws Exception {
    GradingResult result = grade("compile-error");

    assertThat(result.compileProblems()).hasSize(1);
    CompileProblem problem = result.compileProblems().get(0);
    assertThat(problem.file()).isEqualTo("FriendlyGreeter.java");
    assertThat(problem.question()).isEqualTo(99);
    assertThat(problem.messages()).singleElement().asString()
        .startsWith("FriendlyGreeter.java:13: cannot find symbol");
    assertThat(outcomes(result, id -> id.contains("q98"))).allSatisfy((id, o) -> assertThat(o.passed()).isTrue());
    assertThat(outcomes(result, id -> id.contains("q99")))
        .allSatisfy(
            (id, o) ->
                assertThat(o)
                    .isInstanceOf(TestOutcome.NotRun.class)
                    .extracting(TestOutcome::feedback).asString()
                    .contains("FriendlyGreeter.java does not compile"));
  }

  @Test
  void hangingTestIsStoppedByTheTimeLimit() throws Exception {
    GradingResult result =
        grader.grade(
            new SubmissionSource.SourceFolder(FIXTURES.resolve("hangs")),
            new RunSettings(Duration.ofMillis(300), Map.of()));

    TestOutcome greets = result.results().get(GREETS).outcome();
    assertThat(greets).isInstanceOf(TestOutcome.TimedOut.class);
    assertThat(greets.feedback()).contains("did not finish within 300 ms")
        .contains("It was still running FriendlyGreeter.waitForever:24");
    assertThat(outcomes(result, id -> id.contains("refusesBlank"))).allSatisfy((id, o) -> assertThat(o.passed()).isTrue());
  }

  @Test
  void exceptionFromStudentCodeNamesOnlyStudentFrames() throws Exception {
    GradingResult result = grade("throws");

    TestOutcome refuses =
        result.results().get("dev.awskit.grader.hidden.q99.GreeterChecks#refusesBlankName").outcome();
    assertThat(refuses.feedback()).contains("NullPointerException").contains("(thrown at FriendlyGreeter.shout:20)").doesNotContain("GreeterChecks");
  }

  @Test
  void duplicateImplementationsCostOnlyTheirQuestion() throws Exception {
    GradingResult result = grade("duplicate");

    assertThat(outcomes(result, id -> id.contains("q98"))).allSatisfy((id, o) -> assertThat(o.passed()).isTrue());
    assertThat(outcomes(result, id -> id.contains("q99")))
        .allSatisfy((id, o) -> assertThat(o.feedback()).contains("2 classes that implement Greeter"));
  }

  @Test
  void missingConstructorCostsOnlyItsQuestion() throws Exception {
    GradingResult result = grade("no-constructor");

    assertThat(outcomes(result, id -> id.contains("q98"))).allSatisfy((id, o) -> assertThat(o.passed()).isTrue());
    assertThat(outcomes(result, id -> id.contains("q99")))
        .allSatisfy((id, o) -> assertThat(o.feedback()).contains("has no constructor FriendlyGreeter(String)"));
  }

  private GradingResult grade(String fixture) throws SubmissionUnusableException {
    return grader.grade(
        new SubmissionSource.SourceFolder(FIXTURES.resolve(fixture)), RunSettings.defaults());
  }

  private static Map<String, TestOutcome> outcomes(GradingResult result, Predicate<String> ids) {
    return result.results().values().stream()
        .filter(r -> ids.test(r.testId()))
        .collect(Collectors.toMap(TestResult::testId, TestResult::outcome));
  }
}
