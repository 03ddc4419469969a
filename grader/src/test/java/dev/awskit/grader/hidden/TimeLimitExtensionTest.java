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
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
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

  @Test
  void endsEveryLaunchsThreadWithTheLaunch() {
    // given
    Launcher launcher = LauncherFactory.create();

    // when
    Run first = launch(launcher, TimeLimitFixtures.Quick.class, withLimit("30000"));
    Run second = launch(launcher, TimeLimitFixtures.Quick.class, withLimit("30000"));

    // then
    assertThat(second.threads().get(0)).isNotEqualTo(first.threads().get(0));
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

  /** Tells whether the thread with identifier {@code id} has ended, or ends within seconds. */
  private static boolean ends(String id) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (String.valueOf(thread.getId()).equals(id)) {
        try {
          // An ended executor's thread finishes its last step on its own, at once.
          thread.join(5_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
      }
    }
    return true;
  }

  private static Run launch(Class<?> fixture, Map<String, String> parameters) {
    return launch(LauncherFactory.create(), fixture, parameters);
  }

  private static Run launch(Launcher launcher, Class<?> fixture, Map<String, String> parameters) {
    Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    List<String> threads = new ArrayList<>();
    launcher
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
