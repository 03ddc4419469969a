package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Gradescope bundle's {@code run_autograder} script, unpacked as Gradescope unpacks
 * it, with a stand-in for {@code java} that records how it was called and acts as each test asks;
 * {@code GradescopeBundleIT} runs the real grader.
 */
class RunAutograderTest {

  /**
   * Stands in for java: its isolation command prints a level (or fails, as FAKE_ISOLATION says);
   * any other command records its arguments, then acts as FAKE_MODE says.
   */
  private static final String FAKE_JAVA =
      """
      #!/usr/bin/env bash
      if [ "${@: -1}" = "isolation" ]; then
        if [ "$FAKE_ISOLATION" = "unknown" ]; then echo "Unmatched argument: isolation" >&2; exit 2; fi
        echo "isolation: uid (stand-in)"; exit 0
      fi
      printf '%s\\n' "$@" > "$FAKE_ARGUMENTS"
      output=""; previous=""
      for argument in "$@"; do
        if [ "$previous" = "--output" ]; then output="$argument"; fi
        previous="$argument"
      done
      case "$FAKE_MODE" in
        graded) printf '{"score": 42.5, "tests": []}' > "$output/results.json"
          echo "Reports in $output: results.json" ;;
        unusable) echo "Cannot grade: $FAKE_REASON" >&2; exit 3 ;;
        hangs) exec sleep 30 ;;
        crashes) echo "Exception in thread main" >&2; exit 1 ;;
        confinement) echo "isolation os is not available here" >&2; exit 6 ;;
      esac
      """;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path temp;
  private Path graderFolder;

  @BeforeEach
  void buildAStandInGraderFolder() throws IOException {
    graderFolder = StandIns.graderFolder(temp);
  }

  @Test
  void runAutograderGradesTheSubmissionWithACappedJvmAndThePackedPolicy() throws Exception {
    // given
    Path root =
        gradescopeLayout(
            Optional.of(Files.writeString(temp.resolve("policy.yaml"), "tiers: {}\n")));

    // when
    Run run = runAutograder(root, "graded", Map.of());

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(json.readTree(root.resolve("results/results.json").toFile()).get("score").asDouble())
        .isEqualTo(42.5);
    List<String> arguments = run.javaArguments();
    assertThat(arguments)
        .startsWith(
            "-Xmx384m",
            "-Xss1m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            root.resolve("source/grader/awskit-grader.jar").toString(),
            "grade",
            root.resolve("submission").toString(),
            "--output");
    assertThat(arguments.subList(9, arguments.size()))
        .startsWith(root.resolve("results").toString())
        .containsSubsequence("--format", "gradescope")
        .containsSubsequence("--policy", root.resolve("source/policy/policy.yaml").toString())
        .doesNotContain("--min-score");
  }

  @Test
  void runAutograderPassesGradescopesSubmissionMetadataWhenThereIsOne() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());

    // when
    Run without = runAutograder(root, "graded", Map.of());
    Path metadata =
        Files.writeString(
            root.resolve("submission_metadata.json"),
            "{\"created_at\": \"2026-03-03T09:15:00.000000+01:00\"}");
    Run with = runAutograder(root, "graded", Map.of());

    // then
    assertThat(without.javaArguments()).doesNotContain("--submission-metadata");
    assertThat(with.javaArguments())
        .containsSubsequence("grade", "--submission-metadata", metadata.toString());
  }

  @Test
  void runAutograderPrintsTheIsolationLevelBeforeGradingWithTheBestLevel() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());

    // when
    Run run = runAutograder(root, "graded", Map.of());

    // then
    assertThat(run.log())
        .startsWith("isolation: uid (stand-in)\n")
        .containsSubsequence("Reports in ", "The grader finished with exit code 0.");
    assertThat(run.javaArguments())
        .containsSubsequence("grade", "--isolation", "auto")
        .doesNotContain("--require-isolation");
  }

  @Test
  void runAutograderTakesTheIsolationFromTheEnvironment() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());

    // when
    Run run =
        runAutograder(
            root, "graded", Map.of("AWSKIT_ISOLATION", "os", "AWSKIT_REQUIRE_ISOLATION", "uid"));

    // then
    assertThat(run.javaArguments())
        .containsSubsequence("--isolation", "os")
        .containsSubsequence("--require-isolation", "uid");
  }

  @Test
  void runAutograderGradesEvenWhenTheIsolationCommandFails() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());

    // when
    Run run = runAutograder(root, "graded", Map.of("FAKE_ISOLATION", "unknown"));

    // then
    assertThat(run.log()).contains("isolation command ended with exit code 2; grading goes on");
    assertThat(json.readTree(root.resolve("results/results.json").toFile()).get("score").asDouble())
        .isEqualTo(42.5);
  }

  @Test
  void runAutograderTellsTheStudentToAskTheInstructorWhenTheIsolationIsMissing() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());

    // when
    Run run = runAutograder(root, "confinement", Map.of("AWSKIT_REQUIRE_ISOLATION", "os"));

    // then
    JsonNode results = json.readTree(root.resolve("results/results.json").toFile());
    assertThat(results.get("score").asDouble()).isZero();
    assertThat(results.get("output").asText()).contains("could not confine", "tell your instructor");
    assertThat(run.log()).contains("isolation os is not available here", "exit code 6");
  }

  @Test
  void runAutograderTakesEveryLocationFromTheEnvironment() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());
    Path submission = Files.createDirectories(temp.resolve("elsewhere/submitted"));
    Path results = temp.resolve("elsewhere/results");
    // a grader folder with a space in its name, holding the grader's class-data archive
    Path graderHome = Files.createDirectories(temp.resolve("elsewhere/the grader"));
    Files.writeString(graderHome.resolve("awskit-grader.jsa"), "archive");

    // when
    Run run =
        runAutograder(
            root,
            "graded",
            Map.of(
                "AWSKIT_SUBMISSION", submission.toString(),
                "AWSKIT_RESULTS", results.toString(),
                "AWSKIT_GRADER_HOME", graderHome.toString(),
                "AWSKIT_JAVA_OPTS", "-Xmx200m"));

    // then
    assertThat(results.resolve("results.json")).exists();
    assertThat(root.resolve("results/results.json")).doesNotExist();
    assertThat(run.javaArguments())
        .startsWith(
            "-Xmx200m",
            "-XX:SharedArchiveFile=" + graderHome.resolve("awskit-grader.jsa"),
            "-jar",
            graderHome.resolve("awskit-grader.jar").toString(),
            "grade",
            submission.toString())
        .doesNotContain("--policy");
  }

  @Test
  void runAutograderTellsTheStudentWhenTheSubmissionIsUnusable() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());

    String reason =
        "The submission /autograder/submission holds no .java file (outside src/test) to grade.";

    // when
    Run run = runAutograder(root, "unusable", Map.of("FAKE_REASON", reason));

    // then
    assertThat(run.exitCode()).isZero();
    JsonNode results = json.readTree(root.resolve("results/results.json").toFile());
    assertThat(results.get("score").asDouble()).isZero();
    assertThat(results.get("tests").isArray()).isTrue();
    assertThat(results.get("output").asText())
        .contains("could not be graded: " + reason, "exercises/src/main/java")
        .as("names only the grader's reason, not a zip it never refused")
        .doesNotContain("zip was refused");
  }

  @Test
  void runAutograderKeepsTheGradersReasonValidJsonWhateverItHolds() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());
    String reason = "The zip \"week 3\\lab.zip\" was refused:\tit holds a link.";

    // when
    Run run = runAutograder(root, "unusable", Map.of("FAKE_REASON", reason));

    // then
    assertThat(run.exitCode()).isZero();
    JsonNode results = json.readTree(root.resolve("results/results.json").toFile());
    assertThat(results.get("output").asText()).contains(reason);
  }

  @Test
  void runAutograderNamesNoFolderItDeletesAndLeavesNoneBehind() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());
    Path scratch = Files.createDirectories(temp.resolve("tmp"));

    // when
    Run run = runAutograder(root, "graded", Map.of("TMPDIR", scratch.toString()));

    // then
    assertThat(run.log()).contains("Reports in " + root.resolve("results") + ": results.json");
    try (var left = Files.list(scratch)) {
      assertThat(left).as("scratch files left behind").isEmpty();
    }
  }

  @Test
  void runAutograderStopsAGraderThatHangsAndSaysSo() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());

    // when
    Run run = runAutograder(root, "hangs", Map.of("AWSKIT_TIME_LIMIT", "1"));

    // then
    assertThat(run.exitCode()).isZero();
    JsonNode results = json.readTree(root.resolve("results/results.json").toFile());
    assertThat(results.get("score").asDouble()).isZero();
    assertThat(results.get("output").asText()).contains("longer than 1 seconds");
  }

  @Test
  void runAutograderAsksForTheInstructorWhenTheGraderCrashes() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());

    // when
    Run run = runAutograder(root, "crashes", Map.of());

    // then
    JsonNode results = json.readTree(root.resolve("results/results.json").toFile());
    assertThat(results.get("output").asText()).contains("exit code 1", "tell your instructor");
    assertThat(run.log()).contains("Exception in thread main", "exit code 1");
  }

  /** Unpacks the bundle as Gradescope does: source/, run_autograder beside it, a submission. */
  private Path gradescopeLayout(Optional<Path> policy) throws IOException {
    Path zip = temp.resolve("autograder.zip");
    GradescopeBundle.write(graderFolder, zip, policy);
    Path root = Files.createDirectories(temp.resolve("autograder"));
    ZipListing.extract(zip, Files.createDirectories(root.resolve("source")));
    Files.copy(root.resolve("source/run_autograder"), root.resolve("run_autograder"));
    Path submission = Files.createDirectories(root.resolve("submission"));
    Files.writeString(
        submission.resolve("ClientStylesExplainer.java"), "class ClientStylesExplainer {}\n");
    StandIns.script(temp.resolve("java"), FAKE_JAVA);
    return root;
  }

  private record Run(int exitCode, String log, List<String> javaArguments) {}

  private Run runAutograder(Path root, String mode, Map<String, String> environment)
      throws Exception {
    Map<String, String> all = new HashMap<>(environment);
    all.put("AUTOGRADER_ROOT", root.toString());
    all.put("AWSKIT_JAVA", temp.resolve("java").toString());
    all.put("FAKE_MODE", mode);
    all.putIfAbsent("FAKE_ISOLATION", "known");
    all.put("FAKE_ARGUMENTS", temp.resolve("arguments.txt").toString());
    StandIns.Run run =
        StandIns.run(List.of("bash", root.resolve("run_autograder").toString()), root, all);
    List<String> arguments =
        Files.exists(temp.resolve("arguments.txt"))
            ? Files.readAllLines(temp.resolve("arguments.txt"))
            : List.of();
    return new Run(run.exitCode(), run.log(), arguments);
  }
}
