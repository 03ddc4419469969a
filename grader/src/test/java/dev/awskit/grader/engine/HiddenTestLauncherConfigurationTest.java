package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.hidden.SubmissionExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Checks the settings the engine itself hands to every run of the hidden tests. */
class HiddenTestLauncherConfigurationTest {

  @Test
  void gradingAlwaysLoadsTheSubmissionInALoaderOfItsOwn() {
    // given: a policy that asks for the mutation analysis' shared class loader
    RunRequest request =
        new RunRequest(
            List.of("/submission/classes"),
            List.of("dev.awskit.grader.hidden.q01.ClientStylesHiddenTest"),
            5_000,
            Map.of(SubmissionExtension.SHARED_LOADER_PARAMETER, "true"),
            List.of(),
            false);

    // when
    Map<String, String> engineSettings = HiddenTestLauncher.configuration(request, false);

    // then: the engine's own settings are applied after the policy's, so its "false" stands
    assertThat(engineSettings)
        .containsEntry(SubmissionExtension.SHARED_LOADER_PARAMETER, "false")
        .containsEntry(SubmissionExtension.CLASSPATH_PARAMETER, "/submission/classes");
  }

  @Test
  void aSystemPropertyDoesNotReachALaunch() {
    // given: a system property that JUnit would read as "switch off every execution condition"
    String key = "junit.jupiter.conditions.deactivate";
    String before = System.getProperty(key);
    System.setProperty(key, "*");
    RunRequest request =
        new RunRequest(
            List.of(), List.of(WithADisabledTest.class.getName()), 5_000, Map.of(), List.of());
    List<TestEvent> events = new ArrayList<>();

    // when
    try {
      SubmissionRunner.inProcess().run(request, events::add);
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }

    // then
    assertThat(WithADisabledTest.RAN)
        .as("a disabled test should stay disabled whatever the JVM's system properties say")
        .isFalse();
    assertThat(events)
        .as("the launch should report the disabled test, as not run")
        .anySatisfy(
            event ->
                assertThat(event)
                    .isInstanceOfSatisfying(
                        TestEvent.TestFinished.class,
                        finished -> assertThat(finished.outcome().passed()).isFalse()));
  }

  /** Stands in for a hidden test class with a test switched off. */
  static final class WithADisabledTest {

    static final AtomicBoolean RAN = new AtomicBoolean();

    @Disabled("switched off on purpose")
    @Test
    void neverRuns() {
      RAN.set(true);
    }
  }
}
