package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.awskit.exercises.progress.HiddenChecks;
import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.HiddenTest;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.scoring.TestWeight;
import dev.awskit.grader.scoring.Visibility;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the hidden-check list that the student kit ships equal to the grader's hidden tests. */
class HiddenCheckListTest {

  private static final Catalog CATALOG = Catalog.load();

  @Test
  void theListInTheExercisesModuleIsTheOneTheGraderWrites() throws IOException {
    // given
    String expected = HiddenCheckList.render(GradingScheme.defaults(CATALOG));

    // when
    String shipped = Files.readString(Repository.root().resolve(HiddenCheckList.RESOURCE));

    // then
    assertThat(shipped)
        .as(
            "%s is out of date with the hidden tests; after ./mvnw -B -o package -DskipTests, write"
                + " it again with: java -jar grader/target/awskit-grader.jar list --format checks > %s",
            HiddenCheckList.RESOURCE, HiddenCheckList.RESOURCE)
        .isEqualTo(expected);
  }

  @Test
  void namesNoTestClassNorMethodOnlyWhatEachCheckChecksAndItsPoints() {
    // given
    String list = HiddenCheckList.render(GradingScheme.defaults(CATALOG));

    // when
    List<String> leaks = new ArrayList<>();
    for (HiddenTest test : CATALOG.tests()) {
      String simpleName = test.className().substring(test.className().lastIndexOf('.') + 1);
      if (list.contains(simpleName)) {
        leaks.add(test.className());
      }
      // camelCase method names never read as plain words; "put" or "get" may.
      boolean camelCase = !test.methodName().equals(test.methodName().toLowerCase(Locale.ROOT));
      if (camelCase && Pattern.compile("\\b" + test.methodName() + "\\b").matcher(list).find()) {
        leaks.add(test.methodName());
      }
    }

    // then
    assertThat(leaks).as("hidden-test code names in the list").isEmpty();
    assertThat(list).doesNotContain("dev.awskit.grader", "dev/awskit/grader", ".java");
    assertThat(list.lines().filter(line -> line.startsWith("C\t")).count())
        .isEqualTo(CATALOG.tests().size());
  }

  @Test
  void theStudentsParserReadsEveryQuestionAndItsPointsAddUp() throws IOException {
    // given
    GradingScheme scheme = GradingScheme.defaults(CATALOG);

    // when
    HiddenChecks checks =
        HiddenChecks.parse(new StringReader(HiddenCheckList.render(scheme)));

    // then
    assertThat(checks.questions()).hasSize(12);
    for (QuestionRule rule : scheme.questions()) {
      HiddenChecks.Question question = checks.question(rule.number()).orElseThrow();
      assertThat(question.tier()).isEqualTo(rule.tier());
      assertThat(Double.parseDouble(question.points())).isEqualTo(rule.maxPoints());
      assertThat(question.checks()).hasSize(rule.tests().size());
      double sum =
          question.checks().stream().mapToDouble(check -> Double.parseDouble(check.points())).sum();
      assertThat(sum).as("question %d", rule.number()).isCloseTo(rule.maxPoints(), within(0.05));
    }
  }

  @Test
  void leavesOutATestThePolicyHidesFromStudents() {
    // given
    GradingScheme defaults = GradingScheme.defaults(CATALOG);
    QuestionRule first = defaults.questions().get(0);
    TestWeight hidden = first.tests().get(0);
    List<TestWeight> weights = new ArrayList<>(first.tests());
    weights.set(0, new TestWeight(hidden.test(), hidden.weight(), Visibility.HIDDEN));
    List<QuestionRule> rules = new ArrayList<>(defaults.questions());
    rules.set(
        0,
        new QuestionRule(first.number(), first.title(), first.tier(), first.maxPoints(), weights));
    GradingScheme scheme =
        new GradingScheme(defaults.timeLimit(), defaults.tiers(), rules, defaults.parameters());

    // when
    String list = HiddenCheckList.render(scheme);

    // then
    assertThat(list).doesNotContain(hidden.test().displayName());
    assertThat(list).contains(first.tests().get(1).test().displayName());
  }
}
