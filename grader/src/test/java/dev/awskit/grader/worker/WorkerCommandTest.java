package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.GraderClassPath;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Proves what a worker JVM is started with: its options, its class path and its environment. */
class WorkerCommandTest {

  private final Sandbox sandbox =
      new Sandbox(
          Path.of("/s"),
          Path.of("/s/work"),
          Path.of("/s/tmp"),
          Path.of("/s/home"),
          Path.of("/s/classes"));

  @Test
  @DisplayName("a worker gets a capped heap, its sandbox's folders, and no reference solution")
  void workerCommandCapsAndConfines() {
    List<String> command =
        WorkerCommand.command(WorkerSettings.defaults(), sandbox, WorkerMain.class.getName());

    assertThat(command)
        .contains(
            "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.io.tmpdir=/s/tmp",
            "-Duser.home=/s/home",
            "-Djava.nio.file.spi.DefaultFileSystemProvider="
                + "dev.awskit.grader.sandbox.ConfiningFileSystemProvider",
            "-Dawskit.sandbox.root=" + Path.of("/s").toAbsolutePath())
        .endsWith(WorkerMain.class.getName(), "8192");
    String classPath = command.get(command.indexOf("-cp") + 1);
    Path solutions =
        GraderClassPath.rootOf(
                "dev/awskit/solutions/q01/ClientStylesExplainer.class", getClass().getClassLoader())
            .orElseThrow();
    assertThat(List.of(classPath.split(File.pathSeparator)))
        .as("the worker's class path")
        .doesNotContain(solutions.toString())
        .contains(
            GraderClassPath.rootOf(
                    "dev/awskit/grader/hidden/Submission.class", getClass().getClassLoader())
                .orElseThrow()
                .toString());
  }

  @Test
  @DisplayName(
      "a worker's environment holds nothing of the grader's and keeps the SDK off the network")
  void workerEnvironmentHoldsNoCredentials() {
    Map<String, String> environment = WorkerCommand.environment(sandbox);

    assertThat(environment.keySet())
        .doesNotContain(
            "PATH",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_PROFILE")
        .allMatch(
            name ->
                List.of(
                        "SystemRoot",
                        "HOME",
                        "TMPDIR",
                        "LANG",
                        "TZ",
                        "AWS_EC2_METADATA_DISABLED",
                        "AWS_CONFIG_FILE",
                        "AWS_SHARED_CREDENTIALS_FILE")
                    .contains(name));
    assertThat(environment)
        .containsEntry("AWS_EC2_METADATA_DISABLED", "true")
        .containsEntry("HOME", "/s/home")
        .containsEntry("AWS_SHARED_CREDENTIALS_FILE", "/s/home/.aws/credentials");
  }
}
