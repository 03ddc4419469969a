package dev.awskit.grader.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves that the students' public tests cannot pass on the untouched stubs: each one fails with
 * its question's "not implemented yet" message. The solutions module proves the other half, that
 * each one passes on the reference solution.
 */
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

  @Test
  void everyPublicTestFailsOnTheStubWithNotImplementedYet() {
    // given
    List<PublicTest> tests = new ArrayList<>();
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

    // when
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("dev.awskit.exercises"))
                .build(),
            collector);

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
}
