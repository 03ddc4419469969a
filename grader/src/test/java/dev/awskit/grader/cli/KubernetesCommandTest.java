package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.awskit.grader.distribution.KubernetesManifests;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.testing.Graded;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesCommandTest {

  /** Holds the Node.js script that checks manifests against the Kubernetes schema. */
  private static final Path SCHEMA_CHECK = Path.of("src", "test", "kubernetes").toAbsolutePath();

  @TempDir Path work;

  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    SubmissionRunner unused = (request, events) -> fail("The kubernetes command grades nothing.");
    return new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            unused,
            Graded::catalog)
        .execute(args);
  }

  private int write(String level) {
    return run("kubernetes", "--name", "week3", "--image", "registry.example.edu/awskit-grader:1.0",
        "--claim", "awskit-class", "--batch-folder", "week3/submissions",
        "--output-folder", "week3/results", "--shards", "8", "--parallelism", "4",
        "--require-isolation", level, "-o", "manifests-" + level);
  }

  private Job read(String level, String file) throws IOException {
    return KubernetesManifests.read(Files.readString(work.resolve("manifests-" + level).resolve(file)));
  }

  @Test
  void writesAnIndexedJobWhosePodsGradeTheirShardAndAMergeJobThatWaitsForAllOfThem() throws IOException {
    // when
    int exit = write("os");

    // then
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    Job shards = read("os", "week3-shards.yaml");
    assertThat(shards.getSpec().getCompletionMode()).isEqualTo("Indexed");
    assertThat(shards.getSpec().getCompletions()).isEqualTo(8);
    assertThat(shards.getSpec().getParallelism()).isEqualTo(4);
    assertThat(shards.getSpec().getBackoffLimit()).isEqualTo(16);
    PodSpec pod = shards.getSpec().getTemplate().getSpec();
    Container grader = pod.getContainers().get(0);
    assertThat(grader.getArgs())
        .containsExactly("batch", "/data/week3/submissions", "-o", "/data/week3/results",
            "--shards", "8", "--jobs", "2", "--progress", "lines",
            "--isolation", "auto", "--require-isolation", "os");
    assertThat(grader.getResources().getLimits().get("memory").toString()).isEqualTo("1024Mi");
    assertThat(grader.getResources().getRequests().get("cpu").toString()).isEqualTo("2");
    assertThat(pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("awskit-class");
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    Job merge = read("os", "week3-merge.yaml");
    PodSpec mergePod = merge.getSpec().getTemplate().getSpec();
    assertThat(mergePod.getInitContainers().get(0).getArgs())
        .containsExactly("merge-gradebooks", "/data/week3/results/gradebook.csv", "/data/week3/results",
            "--expect-shards", "8");
    assertThat(mergePod.getContainers().get(0).getArgs())
        .containsExactly("class-report", "/data/week3/results");
    assertThat(out.toString())
        .contains("kubectl apply -f " + work.resolve("manifests-os/week3-shards.yaml"))
        .contains("kubectl wait --for=condition=complete job/week3-shards");
  }

  @Test
  void eachLevelGetsTheSecurityItNeedsAndNoMore() throws IOException {
    // when
    write("jvm");
    write("uid");
    write("os");

    // then
    PodSpec jvm = read("jvm", "week3-shards.yaml").getSpec().getTemplate().getSpec();
    assertThat(jvm.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(jvm.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(jvm.getContainers().get(0).getSecurityContext().getCapabilities().getAdd()).isEmpty();
    PodSpec uid = read("uid", "week3-shards.yaml").getSpec().getTemplate().getSpec();
    assertThat(uid.getSecurityContext().getRunAsUser()).isZero();
    assertThat(uid.getContainers().get(0).getSecurityContext().getCapabilities().getAdd())
        .containsExactlyInAnyOrder("SETUID", "SETGID", "CHOWN", "FOWNER", "DAC_OVERRIDE", "KILL");
    PodSpec os = read("os", "week3-shards.yaml").getSpec().getTemplate().getSpec();
    assertThat(os.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(os.getSecurityContext().getSeccompProfile().getType()).isEqualTo("Unconfined");
    assertThat(os.getSecurityContext().getAppArmorProfile().getType()).isEqualTo("Unconfined");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--name=Week3", "--batch-folder=../elsewhere", "--parallelism=9", "--require-isolation=none"})
  void refusesWhatKubernetesOrTheGraderWouldRefuseAndWritesNothing(String wrong) {
    // given
    List<String> args = new ArrayList<>(List.of("kubernetes", "--name", "week3", "--image", "img:1",
        "--claim", "awskit-class", "--batch-folder", "week3/submissions", "--shards", "8", "-o", "out"));
    args.add(wrong);

    // when
    int exit = run(args.toArray(String[]::new));

    // then
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jvm", "uid", "os"})
  void theManifestsValidateAgainstTheKubernetesSchema(String level) throws Exception {
    // given
    assertThat(write(level)).isEqualTo(ExitCodes.OK);
    requireSchemaCheck();

    // when
    Process node =
        new ProcessBuilder("node", SCHEMA_CHECK.resolve("validate.mjs").toString(),
                work.resolve("manifests-" + level + "/week3-shards.yaml").toString(),
                work.resolve("manifests-" + level + "/week3-merge.yaml").toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    // then
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(said).isZero();
    assertThat(said).contains("valid Job week3-shards").contains("valid Job week3-merge");
  }

  @Test
  void theSchemaCheckRefusesAnInvalidJob() throws Exception {
    // given a Job that no API server accepts
    requireSchemaCheck();
    Path invalid = work.resolve("invalid.yaml");
    Files.writeString(invalid, """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: broken}
        spec:
          completionMode: Sometimes
          template:
            spec:
              restartPolicy: Never
              containers: [{image: img}]
        """);

    // when
    Process node =
        new ProcessBuilder("node", SCHEMA_CHECK.resolve("validate.mjs").toString(), invalid.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    // then
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).isEqualTo(1);
    assertThat(said).contains("completionMode").contains("must have required property name");
  }

  /** Skips where Node.js or the check's packages are missing, or fails in CI, which installs them. */
  private static void requireSchemaCheck() throws InterruptedException {
    String missing = null;
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
        missing = "node --version failed";
      }
    } catch (IOException absent) {
      missing = "Node.js is not installed (apt-get install nodejs npm)";
    }
    if (missing == null && !Files.isDirectory(SCHEMA_CHECK.resolve("node_modules/kubernetes-models"))) {
      missing = "the schema check's packages are not installed (npm ci --prefix grader/src/test/kubernetes)";
    }
    if (missing != null && "true".equals(System.getenv("CI"))) {
      fail("The Kubernetes schema check cannot run: " + missing + "; .ci/run installs both.");
    }
    assumeTrue(missing == null, "The Kubernetes schema check cannot run: " + missing + ".");
  }
}
