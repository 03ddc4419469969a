package dev.awskit.grader.hidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class TimeLimitExtensionTest {

  @Test
  void runsEveryMethodOfALaunchOnOneThreadThatIsNotTheLaunchers() {
    // when
    Run run = launch(TimeLimitFixtures.Quick.class, withLimit("30000"));

    // then
    assertThat(run.results().values())
        .extracting(TestExecutionResult::getStatus)
        .containsOnly(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(run.threads()).hasSize(6).containsOnly(run.threads().get(0));
    assertThat(run.threads().get(0)).isNotEqualTo(run.launcherThread());
  }

  @Test
  void runsMethodsOnTheLaunchersThreadWithoutALimit() {
    // when
    Run run = launch(TimeLimitFixtures.Quick.class, Map.of());

    // then
    assertThat(run.threads()).hasSize(6).containsOnly(run.launcherThread());
  }

  @Test
  void failsAMethodPastTheLimitAndRunsTheNextOnANewThread() {
    // when
    Run run = launch(TimeLimitFixtures.OneWaitsForever.class, withLimit("100"));

    // then
    assertThat(run.results()).containsKeys("first(TestReporter)", "second(TestReporter)");
    assertThat(run.results().get("first(TestReporter)").getThrowable())
        .get()
        .isInstanceOf(TimeLimitExceeded.class);
    assertThat(run.results().get("second(TestReporter)").getStatus())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(run.threads()).hasSize(2).doesNotHaveDuplicates();
  }

  /**
   * Holds what a launch reported: each test's result by display name, and the threads its methods
   * ran on.
   */
  private record Run(
      Map<String, TestExecutionResult> results, List<String> threads, String launcherThread) {}

  private static Map<String, String> withLimit(String millis) {
    return Map.of(TimeLimitExtension.TIME_LIMIT_PARAMETER, millis);
  }

  private static Run launch(Class<?> fixture, Map<String, String> parameters) {
    Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    List<String> threads = new ArrayList<>();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameters(parameters)
                .build(),
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier node, TestExecutionResult result) {
                if (node.isTest()) {
                  results.put(node.getDisplayName(), result);
                }
              }

              @Override
              public void reportingEntryPublished(TestIdentifier node, ReportEntry entry) {
                threads.addAll(entry.getKeyValuePairs().values());
              }
            });
    return new Run(results, threads, String.valueOf(Thread.currentThread().getId()));
  }
}
