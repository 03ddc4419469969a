package dev.awskit.grader.hidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.awskit.exercises.q06.DynamoDbManager;
import dev.awskit.exercises.q06.ItemStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SubmissionExtensionTest {

  @TempDir Path classes;

  @Test
  void readsTheClassFilesOnceForTheLaunchesOfAScopeAndAgainForTheNextScope() throws IOException {
    // given a submission whose only implementation of the contract appears after the first launch
    // (the grader never changes a submission's classes between its launches; here that shows
    // which launch read the class files)
    try (LauncherSession session = LauncherFactory.openSession()) {
      Launcher launcher = session.getLauncher();
      String first = implementationFound(launcher, "alice");
      addClassFile(DynamoDbManager.class);

      // when
      String again = implementationFound(launcher, "alice");
      String next = implementationFound(launcher, "bob");

      // then
      assertThat(first).as("what the first launch of scope alice found").isEqualTo("none");
      assertThat(again)
          .as("what the second launch of scope alice found, from the first launch's reading")
          .isEqualTo("none");
      assertThat(next)
          .as("what the launch of scope bob found, from its own reading")
          .isEqualTo(DynamoDbManager.class.getName());
    }
  }

  @Test
  void readsTheClassFilesInEveryLaunchWithoutAScope() throws IOException {
    // given
    Launcher launcher = LauncherFactory.create();
    String first = implementationFound(launcher, null);
    addClassFile(DynamoDbManager.class);

    // when
    String second = implementationFound(launcher, null);

    // then
    assertThat(first).isEqualTo("none");
    assertThat(second).isEqualTo(DynamoDbManager.class.getName());
  }

  private void addClassFile(Class<?> type) throws IOException {
    Path file = classes.resolve(type.getName().replace('.', '/') + ".class");
    Files.createDirectories(file.getParent());
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      Files.write(file, in.readAllBytes());
    }
  }

  /** Launches {@link Fixture} in {@code scope} (none when null) and returns what it published. */
  private String implementationFound(Launcher launcher, String scope) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put(SubmissionExtension.CLASSPATH_PARAMETER, classes.toString());
    if (scope != null) {
      parameters.put(TimeLimitExtension.THREAD_SCOPE_PARAMETER, scope);
    }
    List<String> published = new ArrayList<>();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(Fixture.class))
            .configurationParameters(parameters)
            .build(),
        new TestExecutionListener() {
          @Override
          public void reportingEntryPublished(TestIdentifier node, ReportEntry entry) {
            published.addAll(entry.getKeyValuePairs().values());
          }
        });
    assertThat(published).as("what the fixture published").hasSize(1);
    return published.get(0);
  }

  /** Publishes the class that implements {@link ItemStore} in the submission, or "none". */
  @ExtendWith(SubmissionExtension.class)
  static class Fixture {

    @Test
    void implementation(Submission submission, TestReporter reporter) {
      String found;
      try {
        found = submission.create(ItemStore.class, null, "Users").getClass().getName();
      } catch (ImplementationProblem none) {
        found = "none";
      }
      reporter.publishEntry("implementation", found);
    }
  }
}
