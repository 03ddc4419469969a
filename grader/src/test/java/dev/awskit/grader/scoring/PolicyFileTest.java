package dev.awskit.grader.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.FixtureCatalog;
import dev.awskit.grader.engine.HiddenTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyFileTest {

  private static final Catalog CATALOG = FixtureCatalog.load();

  @Test
  void emptyFileKeepsTheDefaults() throws PolicyException {
    GradingScheme scheme = PolicyFile.parse("policy.yaml", "# nothing changed\n", CATALOG);

    assertThat(scheme).isEqualTo(GradingScheme.defaults(CATALOG));
    assertThat(scheme.timeLimit()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void goodFileChangesPointsTiersWeightsAndVisibility() throws PolicyException {
    String policy =
        """
        timeLimit: 2s
        visibility: after_due_date
        tiers:
          basic:
            questions: [98]
            points: 10
          hard:
            questions: [99]
            points: 20
        questions:
          q99:
            points: 30
            tests:
              greetsByName:
                points: 5
                visibility: visible
        parameters:
          some.parameter: 3
        """;

    GradingScheme scheme = PolicyFile.parse("policy.yaml", policy, CATALOG);

    assertThat(scheme.timeLimit()).isEqualTo(Duration.ofSeconds(2));
    assertThat(scheme.tiers())
        .extracting(Tier::name, Tier::pointsPerQuestion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("basic", 10.0),
            org.assertj.core.groups.Tuple.tuple("hard", 20.0));
    QuestionRule q99 = scheme.question(99).orElseThrow();
    assertThat(q99.tier()).isEqualTo("hard");
    assertThat(q99.maxPoints()).isEqualTo(30);
    assertThat(q99.tests())
        .filteredOn(weight -> weight.test().methodName().equals("greetsByName"))
        .singleElement()
        .satisfies(
            weight -> {
              assertThat(weight.weight()).isEqualTo(5);
              assertThat(weight.visibility()).isEqualTo(Visibility.VISIBLE);
            });
    assertThat(q99.tests())
        .filteredOn(weight -> !weight.test().methodName().equals("greetsByName"))
        .allSatisfy(weight -> assertThat(weight.visibility()).isEqualTo(Visibility.AFTER_DUE_DATE));
    assertThat(scheme.question(98).orElseThrow().maxPoints()).isEqualTo(10);
    assertThat(scheme.maxScore()).isEqualTo(40);
    assertThat(scheme.parameters()).containsEntry("some.parameter", "3");
  }

  @Test
  void aTestIsStillNamedByItsClassNameFromBeforeTheHiddenTestSuffix() {
    // given
    HiddenTest renamed =
        new HiddenTest(
            "dev.awskit.grader.hidden.q06.ItemStoreHiddenTest#scanReadsAllPages",
            6,
            "dev.awskit.grader.hidden.q06.ItemStoreHiddenTest",
            "scanReadsAllPages",
            "scan reads all pages",
            1);

    // when
    java.util.List<String> formerIds = PolicyFile.formerIds(renamed);

    // then
    assertThat(formerIds)
        .contains(
            "ItemStoreTest#scanReadsAllPages",
            "ItemStoreTests#scanReadsAllPages",
            "dev.awskit.grader.hidden.q06.ItemStoreTest#scanReadsAllPages");
  }

  static Stream<Arguments> brokenPolicies() {
    return Stream.of(
        Arguments.of("broken YAML", 3, "tiers:\n  easy:\n questions: [1\n", "not valid YAML"),
        Arguments.of("unknown top-level key", 2, "timeLimit: 5s\ntimelimit: 6s\n", "unknown key 'timelimit'"),
        Arguments.of("unknown key in a question", 3, "questions:\n  99:\n    pionts: 3\n", "unknown key 'pionts'"),
        Arguments.of("points not a number", 3, "questions:\n  99:\n    points: lots\n", "'lots' at /questions/99/points is not a number"),
        Arguments.of("question not in the kit", 3, "timeLimit: 5s\nquestions:\n  13:\n    points: 3\n", "question 13 does not exist"),
        Arguments.of("not a question number", 2, "questions:\n  first:\n    points: 3\n", "'first' is not a question number"),
        Arguments.of("unknown test", 5, "questions:\n  99:\n    points: 3\n    tests:\n      greets: {points: 1}\n", "question 99 has no hidden test 'greets'"),
        Arguments.of("bad visibility", 4, "questions:\n  98:\n    points: 3\n    visibility: later\n", "visibility 'later' is not one of"),
        Arguments.of("negative points", 3, "questions:\n  98:\n    points: -1\n", "points cannot be negative"),
        Arguments.of("bad time limit", 2, "# limit\ntimeLimit: soon\n", "timeLimit 'soon' is not a duration"),
        Arguments.of("time limit too long", 1, "timeLimit: 20m\n", "timeLimit must lie between 100ms and 10m"),
        Arguments.of("question in no tier", 1, "tiers:\n  all:\n    questions: [98]\n    points: 5\n", "question 99 is in no tier"),
        Arguments.of("question in two tiers", 6, "tiers:\n  a:\n    questions: [98, 99]\n    points: 5\n  b:\n    questions: [99]\n    points: 5\n", "question 99 is in two tiers"),
        Arguments.of("tier without points", 2, "tiers:\n  all:\n    questions: [98, 99]\n", "tier 'all' needs 'points'"),
        Arguments.of("duplicate key", 3, "questions:\n  98: {points: 1}\n  98: {points: 2}\n", "not valid YAML"),
        Arguments.of("list instead of a mapping", 1, "questions: [1, 2]\n", "should be a mapping"),
        Arguments.of("all tests weigh nothing", 2, "questions:\n  98:\n    tests:\n      addsPositiveNumbers: {points: 0}\n      addsNegativeNumbers: {points: 0}\n", "weighs 0 points"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenPolicies")
  void brokenFileNamesTheLine(String what, int line, String policy, String problem) {
    PolicyException error =
        catchThrowableOfType(
            PolicyException.class,
            () -> PolicyFile.parse("policy.yaml", policy, CATALOG));

    assertThat(error).as(what).isNotNull();
    assertThat(error.getMessage()).as(what).startsWith("policy.yaml, line " + line + ": ");
    assertThat(error.problem()).as(what).contains(problem);
  }
}
