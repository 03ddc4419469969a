package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.hidden.SubmissionExtension;
import java.util.List;
import java.util.Map;
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
}
