package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.TestResult;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.testing.OneQuestionRunner;
import dev.awskit.grader.worker.ConfinedDefendants;
import dev.awskit.grader.worker.IsolationChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades every faulty implementation and correct variant of the corpus twice, with the tests and
 * the code in one JVM and with the code in a defendant JVM, and checks that every test ends the
 * same way with the same feedback: moving the code out of the tests' JVM must not change a grade.
 */
class DefendantEquivalenceTest {

  private static final Path FAULTY = Path.of("src", "test", "resources", "faulty");
  private static final Path VARIANTS = Path.of("src", "test", "resources", "variants");

  /**
   * Returns the cases to grade: every eighth of the corpus, in name order (one or two a
   * question), or all of them with {@code -Dawskit.equivalence=all} (2.5 to 6 minutes on two
   * cores: each case pays a defendant JVM, and the build's own test run has a budget).
   */
  static Stream<String> cases() {
    List<String> all =
        Stream.concat(
                Assembled.cases(FAULTY).stream().map(name -> "faulty/" + name),
                Assembled.cases(VARIANTS).stream().map(name -> "variants/" + name))
            .toList();
    boolean every = System.getProperty("awskit.equivalence", "some").equals("all");
    return IntStream.range(0, all.size()).filter(i -> every || i % 8 == 0).mapToObj(all::get);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aDefendantGradesLikeOneJvm(String caseName, @TempDir Path work) throws Exception {
    // given
    String corpus = caseName.substring(0, caseName.indexOf('/'));
    String name = caseName.substring(corpus.length() + 1);
    int question = Assembled.questionOf(name);
    Path submission =
        Assembled.questionWith(
            (corpus.equals("faulty") ? FAULTY : VARIANTS).resolve(name),
            question,
            work.resolve("submission"));

    // when
    Map<String, String> together = outcomes(submission, question, SubmissionRunner.inProcess());
    Map<String, String> apart;
    Optional<IsolationChoice> confined = confinement();
    if (confined.isPresent()) {
      try (ConfinedDefendants defendants = ConfinedDefendants.at(confined.get())) {
        apart = outcomes(submission, question, new DefendantRunner(defendants));
      }
    } else {
      apart = outcomes(submission, question, DefendantGradingTest.plainRunner());
    }

    // then
    assertThat(apart).as("outcomes with the code in a defendant JVM").isEqualTo(together);
  }

  /**
   * Returns the level to confine the defendants at, with {@code
   * -Dawskit.equivalence.isolation=LEVEL} (as {@code grade --trusted-verdicts} confines them), or
   * empty for a plain defendant JVM, which the build's own run uses.
   */
  private static Optional<IsolationChoice> confinement() {
    return Optional.ofNullable(System.getProperty("awskit.equivalence.isolation"))
        .map(level -> IsolationChoice.valueOf(level.toUpperCase(Locale.ROOT)));
  }

  /**
   * Returns the words of {@code feedback} in sorted order, with temporary folders and times of
   * day made alike: what changes from one JVM to another on its own (the order of {@code Map.of},
   * {@code Instant.now()}, JUnit's temporary folders, which a confined defendant finds in its
   * sandbox) is not what this test compares.
   */
  private static String comparable(String feedback) {
    String alike =
        feedback
            .replaceAll("\\S*/junit-?\\d+", "TMP/junit-N")
            .replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z", "TIME");
    return Arrays.stream(alike.split("[\\s,{}\\[\\]()]+")).sorted().collect(Collectors.joining(" "));
  }

  private static Map<String, String> outcomes(Path submission, int question, SubmissionRunner runner)
      throws Exception {
    try (Grader grader =
        new Grader(
            Graded.catalog(),
            new OneQuestionRunner(Graded.catalog(), question, runner),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {
      GradingResult result =
          grader.grade(new SubmissionSource.SourceFolder(submission), RunSettings.defaults());
      Map<String, String> outcomes = new TreeMap<>();
      for (TestResult test : result.results().values()) {
        if (test.testId().contains(".q%02d.".formatted(question))) {
          outcomes.put(
              test.testId(),
              (test.outcome().passed() ? "passed: " : "failed: ")
                  + comparable(test.outcome().feedback()));
        }
      }
      return outcomes;
    }
  }

}
