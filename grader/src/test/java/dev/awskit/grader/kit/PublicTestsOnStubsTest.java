package dev.awskit.grader.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.awskit.exercises.progress.ProgressListener;
import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Question;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves that the students' public tests cannot pass on the untouched stubs: each one fails with
 * its question's "not implemented yet" message. The solutions module proves the other half, that
 * each one passes on the reference solution. The same run feeds the students' progress table,
 * which must call every question not started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicTestsOnStubsTest {

  private static final Pattern QUESTION_PACKAGE = Pattern.compile("dev\\.awskit\\.exercises\\.q(\\d\\d)\\.");

  private record PublicTest(int question, String name, TestExecutionResult result) {}

  /** Returns the messages of a throwable and its causes, so a wrapped stub failure counts. */
  private static String messages(Throwable thrown) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private final List<PublicTest> tests = new ArrayList<>();
  private final ByteArrayOutputStream progressTable = new ByteArrayOutputStream();

  @BeforeAll
  void runThePublicTestsOnTheStubs() {
    TestExecutionListener collector =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
              Matcher question = QUESTION_PACKAGE.matcher(method.getClassName());
              if (question.lookingAt()) {
                tests.add(
                    new PublicTest(
                        Integer.parseInt(question.group(1)),
                        method.getClassName() + "#" + method.getMethodName(),
                        result));
              }
            }
          }
        };
    ProgressListener progress =
        new ProgressListener(new PrintStream(progressTable, true, StandardCharsets.UTF_8));
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("dev.awskit.exercises"))
                .build(),
            collector,
            progress);
  }

  @Test
  void everyPublicTestFailsOnTheStubWithNotImplementedYet() {
    // given, when: the run above

    // then
    Map<Integer, Long> perQuestion = new TreeMap<>();
    tests.forEach(test -> perQuestion.merge(test.question(), 1L, Long::sum));
    assertThat(perQuestion.keySet())
        .as("questions that have public tests")
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(perQuestion.values())
        .as("public tests per question, %s", perQuestion)
        .allSatisfy(count -> assertThat(count).isBetween(2L, 3L));
    assertThat(tests)
        .allSatisfy(
            test -> {
              assertThat(test.result().getStatus())
                  .as("%s on the untouched stub", test.name())
                  .isEqualTo(TestExecutionResult.Status.FAILED);
              assertThat(messages(test.result().getThrowable().orElseThrow()))
                  .as("%s fails because its question is not implemented", test.name())
                  .contains("Question %d is not implemented yet".formatted(test.question()));
            });
  }

  @Test
  void onTheUntouchedStubsEveryQuestionIsNotStartedAndTheTableComesLast() {
    // given
    Catalog catalog = Catalog.load();

    // when
    String output = progressTable.toString(StandardCharsets.UTF_8);

    // then
    List<String> lines = output.lines().toList();
    int header = lines.indexOf(
        lines.stream().filter(line -> line.contains("Public tests")).findFirst().orElseThrow());
    List<String> rows = lines.subList(header + 1, header + 13);
    for (Question question : catalog.questions()) {
      assertThat(rows.get(question.number() - 1))
          .as("row of question %d, with its whole title", question.number())
          .matches(
              "\\s*" + question.number() + "\\s+\\Q" + question.title()
                  + "\\E\\s+\\d+\\s+0/[23]\\s+not started");
    }
    assertThat(lines.subList(header + 13, lines.size()))
        .as("what follows the table")
        .hasSize(1)
        .allSatisfy(line -> assertThat(line).startsWith("0 of 12 questions pass"));
    assertThat(output)
        .as("every question's hidden checks come before the table")
        .contains(
            "Question 12 - " + catalog.question(12).orElseThrow().title()
                + " (advanced, 12 points)");
    assertThat(output.indexOf("What the grader checks"))
        .isNotNegative()
        .isLessThan(output.indexOf("Your progress"));
  }
}
