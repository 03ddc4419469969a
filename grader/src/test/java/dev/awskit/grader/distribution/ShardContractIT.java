package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.awskit.grader.cli.GraderCli;
import dev.awskit.grader.testing.Assembled;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the contract a Kubernetes Indexed Job relies on, with processes instead of pods: every
 * shard is the packaged grader started with {@code --shards N} and the index in {@code
 * JOB_COMPLETION_INDEX}, as Kubernetes starts a pod; all shards write to one output folder, as
 * pods write to one volume. A shard killed mid-way is started again with the same index, as the
 * Job controller replaces a failed pod; another shard runs twice, as a pod may. The merged
 * gradebook must equal, row for row, that of the same class graded by one process.
 */
class ShardContractIT {

  private static final int SHARDS = 2;
  private static final long TIME_LIMIT_MINUTES = 3;

  @TempDir Path work;

  /**
   * The shards' temporary folder. A killed shard cannot remove its snapshots and its worker's
   * sandbox, as a pod's folder goes with the pod; here they would stay in the machine's. It is
   * not under {@code work}, which only its owner may enter, because a worker at the {@code uid}
   * level runs as another user and must reach its sandbox.
   */
  private Path shardTemp;

  @BeforeEach
  void makeShardTemp() throws IOException {
    shardTemp =
        Files.createTempDirectory(
            "awskit-shard-contract-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }

  @AfterEach
  void removeShardTemp() throws IOException {
    try (Stream<Path> left = Files.walk(shardTemp)) {
      for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void shardsKilledAndRerunOrRunTwiceMergeIntoTheSingleMachineGradebook() throws Exception {
    // given a class of four, sorted: shard 1 of 2 grades alice and carol, shard 2 bob and dave
    String folder = System.getProperty("awskit.graderJarFolder");
    assumeTrue(folder != null, "runs under failsafe, after package, with awskit.graderJarFolder");
    Path jar = Path.of(folder).resolve("awskit-grader.jar");
    Path batch = work.resolve("class");
    // alice's compile error fails fast and carol's tests take seconds: pod 0 dies in carol's
    Path alice = Assembled.reference(batch.resolve("alice"));
    Files.writeString(
        alice.resolve("dev/awskit/solutions/q01/ClientStylesExplainer.java"),
        "package dev.awskit.solutions.q01;\npublic class ClientStylesExplainer { oops }\n");
    Assembled.referenceWith(
        Path.of("src", "test", "resources", "faulty", "q06", "first-page-only"), 6, batch.resolve("bob"));
    Assembled.reference(batch.resolve("carol"));
    Files.createDirectories(batch.resolve("dave"));
    Files.writeString(batch.resolve("dave").resolve("notes.txt"), "no code yet");
    Path single = work.resolve("single");
    assertThat(finish(grader(jar, Map.of(), "batch", batch.toString(), "-o", single.toString())))
        .isZero();

    // when pod 0 is killed once it has finished its first student, then replaced
    Path volume = work.resolve("volume");
    Process doomed = grader(jar, Map.of("JOB_COMPLETION_INDEX", "0"), shardArgs(batch, volume));
    String firstDone = firstStudentLine(doomed);
    doomed.destroyForcibly().waitFor(TIME_LIMIT_MINUTES, TimeUnit.MINUTES);
    Process replacement = grader(jar, Map.of("JOB_COMPLETION_INDEX", "0"), shardArgs(batch, volume));
    String replacementSaid = output(replacement);
    // and pod 1 runs twice
    int once = finish(grader(jar, Map.of("JOB_COMPLETION_INDEX", "1"), shardArgs(batch, volume)));
    Process again = grader(jar, Map.of("JOB_COMPLETION_INDEX", "1"), shardArgs(batch, volume));
    String againSaid = output(again);
    // and the merge Job gathers the volume
    Path merged = work.resolve("merged.csv");
    int merge =
        finish(grader(jar, Map.of(), "merge-gradebooks", merged.toString(), volume.toString(),
            "--expect-shards", String.valueOf(SHARDS)));

    // then
    assertThat(firstDone).as("the first line pod 0 printed").contains("alice");
    assertThat(replacement.exitValue()).as(replacementSaid).isZero();
    assertThat(replacementSaid).as("the replacement keeps what the killed pod finished")
        .contains("1 done by this run, 1 kept from an earlier run");
    assertThat(once).isZero();
    assertThat(again.exitValue()).as(againSaid).isZero();
    assertThat(againSaid).contains("0 done by this run, 2 kept from an earlier run");
    assertThat(merge).isZero();
    assertThat(Files.readAllLines(merged))
        .as("the merged gradebook against the single-machine one")
        .containsExactlyElementsOf(Files.readAllLines(single.resolve("gradebook.csv")));
    assertThat(merged.resolveSibling("merged-averages.csv"))
        .hasSameTextualContentAs(single.resolve("gradebook-averages.csv"));
    try (var students = Files.list(volume.resolve("students"))) {
      assertThat(students.map(path -> path.getFileName().toString()).sorted())
          .containsExactly("alice", "bob", "carol", "dave");
    }
  }

  private static String[] shardArgs(Path batch, Path volume) {
    return new String[] {
      "batch", batch.toString(), "-o", volume.toString(), "--shards", String.valueOf(SHARDS),
      "--jobs", "1", "--progress", "lines"
    };
  }

  private Process grader(Path jar, Map<String, String> environment, String... args) throws IOException {
    // The JVM options docs/performance.md recommends: a shard is a grader as installed.
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(GraderCli.RECOMMENDED_JVM_OPTIONS);
    command.add("-Djava.io.tmpdir=" + shardTemp);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    builder.environment().remove("JOB_COMPLETION_INDEX");
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** Reads the shard's progress until the line that says its first student is done. */
  private static String firstStudentLine(Process shard) throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(shard.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      seen.add(line);
      if (line.matches("\\[\\d+/\\d+\\] \\w+: .*")) {
        return line;
      }
    }
    throw new AssertionError("The shard ended before finishing a student:\n" + String.join("\n", seen));
  }

  private static String output(Process process) throws Exception {
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(TIME_LIMIT_MINUTES, TimeUnit.MINUTES)).isTrue();
    return text;
  }

  private static int finish(Process process) throws Exception {
    String said = output(process);
    assertThat(process.exitValue()).as(said).isIn(0);
    return process.exitValue();
  }
}
