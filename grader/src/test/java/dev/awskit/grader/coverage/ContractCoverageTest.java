package dev.awskit.grader.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.awskit.grader.coverage.ContractCoverage.Contract;
import dev.awskit.grader.coverage.ContractCoverage.TracedTest;
import dev.awskit.grader.hidden.Checks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps every numbered contract rule traced to a hidden test and back, and keeps
 * docs/contract-coverage.md the table of it.
 */
class ContractCoverageTest {

  private static final Path PAGE = Path.of("..", "docs", "contract-coverage.md");
  private static final String BEGIN = "<!-- coverage:begin -->\n";
  private static final String END = "<!-- coverage:end -->";

  /** A two-rule contract in the kit's style. */
  private static final String FIXTURE =
      """
      /**
       * Says hello.
       *
       * <ul>
       *   <li><b>13.1</b> {@link #greet(String)} returns {@code "Hello, " + name}.
       *   <li><b>13.2</b> A {@code null} name gives an {@link IllegalArgumentException}.
       * </ul>
       */
      public interface Greeter {}
      """;

  @Test
  void everyRuleHasATestAndEveryTestNamesRealRules() {
    // when
    List<String> problems = KitCoverage.load().problems();

    // then
    assertThat(problems)
        .as("every contract rule should be checked by a hidden test that names it in @Checks,"
            + " and every hidden test should name only rules its contract has")
        .isEmpty();
  }

  @Test
  void thePageListsEveryRuleWithItsTests() throws IOException {
    // given
    String body = KitCoverage.load().render();
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    int from = page.indexOf(BEGIN);
    int to = page.indexOf(END);

    assertThat(from)
        .as("the page should hold the markers %s and %s", BEGIN.trim(), END)
        .isNotNegative()
        .isLessThan(to);

    // when
    if (Boolean.getBoolean("awskit.coverage.write")) {
      Files.writeString(
          PAGE,
          page.substring(0, from + BEGIN.length()) + body + page.substring(to),
          StandardCharsets.UTF_8);
      return;
    }

    // then
    assertThat(page.substring(from + BEGIN.length(), to))
        .as("docs/contract-coverage.md should be what the contracts and @Checks say now; rewrite"
            + " it with ./mvnw -B -o -pl grader -am test -Dtest=ContractCoverageTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dawskit.coverage.write=true")
        .isEqualTo(body);
  }

  @Test
  void readsTheRulesAndTheirWordsFromTheJavadoc() {
    // when
    List<ContractRules.Rule> rules = ContractRules.read(FIXTURE);

    // then
    assertThat(rules)
        .extracting(ContractRules.Rule::id, ContractRules.Rule::text)
        .containsExactly(
            tuple("13.1", "greet returns \"Hello, \" + name."),
            tuple(
                "13.2", "A null name gives an IllegalArgumentException."));
  }

  @Test
  void keepsAngleBracketsOfCodeAndDropsHtml() {
    // given
    String source =
        " * <p><b>13.1</b> Returns a {@code Map<String, Object>}, <em>never</em> null.\n */";

    // when
    List<ContractRules.Rule> rules = ContractRules.read(source);

    // then
    assertThat(rules)
        .extracting(ContractRules.Rule::text)
        .containsExactly("Returns a Map<String, Object>, never null.");
  }

  @Test
  void aRuleWithoutATestFailsTheBuild() {
    // given
    ContractCoverage coverage =
        new ContractCoverage(
            List.of(fixture()),
            List.of(new TracedTest(13, "GreeterHiddenTest#greets", List.of("13.1"))));

    // when
    List<String> problems = coverage.problems();

    // then
    assertThat(problems)
        .containsExactly(
            "Rule 13.2 (A null name gives an IllegalArgumentException.) is checked by no hidden"
                + " test.");
  }

  @Test
  void aTestNamingAnUnknownRuleOrNoneFailsTheBuild() {
    // given
    ContractCoverage coverage =
        new ContractCoverage(
            List.of(fixture()),
            List.of(
                new TracedTest(13, "GreeterHiddenTest#greets", List.of("13.1", "13.2", "13.3")),
                new TracedTest(13, "GreeterHiddenTest#otherQuestion", List.of("7.1")),
                new TracedTest(13, "GreeterHiddenTest#silent", List.of())));

    // when
    List<String> problems = coverage.problems();

    // then
    assertThat(problems)
        .containsExactly(
            "The hidden test GreeterHiddenTest#greets names rule 13.3, which question 13's"
                + " contract does not have.",
            "The hidden test GreeterHiddenTest#otherQuestion names rule 7.1, which question 13's"
                + " contract does not have.",
            "The hidden test GreeterHiddenTest#silent names no rule; give it @Checks with the"
                + " contract rules it checks.");
  }

  @Test
  void rulesMustCountFromOneWithoutGaps() {
    // given
    String skipped = FIXTURE.replace("<b>13.2</b>", "<b>13.3</b>");
    Contract contract = new Contract(13, "Greetings", ContractRules.read(skipped));

    // when
    List<String> problems =
        new ContractCoverage(
                List.of(contract),
                List.of(new TracedTest(13, "GreeterHiddenTest#greets", List.of("13.1", "13.3"))))
            .problems();

    // then
    assertThat(problems)
        .containsExactly(
            "Question 13's contract numbers rule 13.3 where rule 13.2 comes next: rules count 1,"
                + " 2, 3, ... in the order they appear.");
  }

  @Test
  void readsTheRulesATestMethodNames() {
    // when
    List<String> named = KitCoverage.rulesOf(Fixture.class.getName(), "named");
    List<String> unnamed = KitCoverage.rulesOf(Fixture.class.getName(), "unnamed");

    // then
    assertThat(named).containsExactly("13.1", "13.2");
    assertThat(unnamed).isEmpty();
  }

  private static Contract fixture() {
    return new Contract(13, "Greetings", ContractRules.read(FIXTURE));
  }

  /** Stands for a hidden test class. */
  static final class Fixture {

    @Checks({"13.1", "13.2"})
    void named() {}

    void unnamed() {}
  }
}
