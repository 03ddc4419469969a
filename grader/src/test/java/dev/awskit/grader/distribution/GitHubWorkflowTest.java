package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubWorkflowTest {

  /** Names what only the grade step runs. */
  private static final String GRADE = "grade exercises/src/main/java";

  private static JsonNode workflow;
  private static List<JsonNode> steps;

  @TempDir Path temp;

  @BeforeAll
  static void parseTheTemplate() throws IOException {
    workflow = new ObjectMapper(new YAMLFactory()).readTree(GitHubWorkflow.template());
    steps = new ArrayList<>();
    workflow.path("jobs").path("grade").path("steps").forEach(steps::add);
  }

  @Test
  void runsOnPushesWithReadOnlyContents() {
    assertThat(workflow.path("on").has("push")).as("triggered by push").isTrue();
    assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");
    assertThat(workflow.path("jobs").path("grade").path("runs-on").asText())
        .isEqualTo("ubuntu-latest");
  }

  @Test
  void checksOutAndSetsUpTemurin17WithTheMavenCache() {
    assertThat(stepUsing("actions/checkout@")).isNotNull();
    JsonNode java = stepUsing("actions/setup-java@").path("with");
    assertThat(java.path("distribution").asText()).isEqualTo("temurin");
    assertThat(java.path("java-version").asText()).isEqualTo("17");
    assertThat(java.path("cache").asText()).isEqualTo("maven");
  }

  @Test
  void pinsEveryActionToItsCurrentMajorVersion() {
    // The majors the actions' own release notes name as current (Node 24 runtimes); an older
    // major runs on Node 20, which GitHub deprecated on its runners.
    Map<String, Integer> currentMajors =
        Map.of("actions/checkout", 7, "actions/setup-java", 6, "actions/upload-artifact", 7);
    List<String> uses =
        steps.stream()
            .filter(step -> step.has("uses"))
            .map(step -> step.get("uses").asText())
            .toList();
    assertThat(uses)
        .as("the actions the template uses, once each")
        .map(action -> action.replaceFirst("@.*", ""))
        .containsExactlyInAnyOrderElementsOf(currentMajors.keySet());
    assertThat(uses)
        .allSatisfy(
            action -> {
              assertThat(action).as("a step's uses").matches("[\\w.-]+/[\\w.-]+@v\\d+");
              String name = action.substring(0, action.indexOf('@'));
              int major = Integer.parseInt(action.substring(action.indexOf("@v") + 2));
              assertThat(currentMajors).as("actions the test knows").containsKey(name);
              assertThat(major)
                  .as("major version of %s", name)
                  .isGreaterThanOrEqualTo(currentMajors.get(name));
            });
  }

  @Test
  void buildsTheExercisesWithTheWrapperWithoutStoppingTheGrading() {
    JsonNode build = stepRunning("./mvnw");
    assertThat(build.path("run").asText()).contains("-pl exercises");
    assertThat(build.path("continue-on-error").asBoolean()).isTrue();
  }

  @Test
  void gradesTheWorkspaceIntoGradingReportsWithTheMarkdownSummary() {
    String grade = stepRunning(GRADE).path("run").asText();
    assertThat(grade)
        .contains("grade exercises/src/main/java", "--output grading-reports", "--format markdown");
  }

  @Test
  void gradesOnAJvmWithTheSerialCollectorAndTheC1CompilerAlone() {
    // when
    String grade = stepRunning(GRADE).path("run").asText().replaceAll("\\\\\n\\s*", "");

    // then
    assertThat(grade)
        .as("the grade step's java command, on a runner of two cores")
        .containsPattern("java [^\n]*-XX:\\+UseSerialGC -XX:TieredStopAtLevel=1 [^\n]*-jar ");
  }

  @Test
  void gradesWithTheFetchedBundleAndNeverWithTheReferenceSolution() {
    assertThat(stepRunning(GRADE).path("run").asText())
        .contains("$RUNNER_TEMP/awskit-autograder", "/grader/awskit-grader.jar");
    assertThat(steps)
        .noneMatch(step -> step.path("run").asText().contains("solutions"))
        .noneMatch(step -> step.path("run").asText().contains("-pl grader"));
  }

  @Test
  void installsBubblewrapAndLiftsTheAppArmorRestrictionBeforeGrading() {
    JsonNode sandbox = stepRunning("apt-get install -y bubblewrap");
    List<String> lines = sandbox.path("run").asText().lines().map(String::strip).toList();
    assertThat(lines)
        .containsSubsequence(
            "sudo apt-get install -y bubblewrap",
            "if [ -e /proc/sys/kernel/apparmor_restrict_unprivileged_userns ]; then",
            "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0",
            "fi");
    assertThat(steps.indexOf(sandbox))
        .isLessThan(steps.indexOf(stepRunning("awskit-grader.jar\" isolation")))
        .isLessThan(steps.indexOf(stepRunning(GRADE)));
  }

  @Test
  void showsTheIsolationLevelBeforeGradingAndGoesOnWhenTheCommandFails() throws Exception {
    JsonNode show = stepRunning("awskit-grader.jar\" isolation");
    assertThat(steps.indexOf(show)).isLessThan(steps.indexOf(stepRunning(GRADE)));

    Run shown = runStep(show, "echo \"isolation: os (stand-in)\"");
    assertThat(shown.exitCode()).isZero();
    assertThat(shown.output()).contains("isolation: os (stand-in)").doesNotContain("::warning::");

    Run failed = runStep(show, "exit 2");
    assertThat(failed.exitCode()).as(failed.output()).isZero();
    assertThat(failed.output()).contains("::warning::", "exit code 2");
  }

  @Test
  void theGradeStepAsksForTheBestIsolation() throws Exception {
    assertThat(gradeStepArguments(Map.of())).containsSubsequence("--isolation", "auto");
  }

  @Test
  void appendsTheSummaryToTheJobSummaryEvenWhenGradingFailed() {
    JsonNode summary = stepRunning("GITHUB_STEP_SUMMARY");
    assertThat(summary.path("run").asText())
        .contains("grading-reports/summary.md", ">> \"$GITHUB_STEP_SUMMARY\"");
    assertThat(summary.path("if").asText()).contains("!cancelled()");
  }

  @Test
  void uploadsTheReportsAsAnArtifactEvenWhenGradingFailed() {
    JsonNode upload = stepUsing("actions/upload-artifact@");
    assertThat(upload.path("with").path("path").asText().lines())
        .containsExactly("grading-reports/results.json", "grading-reports/summary.md");
    assertThat(upload.path("if").asText()).contains("!cancelled()");
  }

  @Test
  void namesTheMinimumScoreOnlyBehindTheInstructorsVariable() {
    String text = GitHubWorkflow.template();
    List<JsonNode> naming =
        steps.stream().filter(step -> step.path("run").asText().contains("--min-score")).toList();
    assertThat(naming).hasSize(1);
    JsonNode grade = naming.get(0);
    assertThat(grade.path("env").path("MIN_SCORE").asText()).isEqualTo("${{ vars.MIN_SCORE }}");
    List<String> lines = grade.path("run").asText().lines().map(String::strip).toList();
    for (int index = 0; index < lines.size(); index++) {
      if (lines.get(index).contains("--min-score")) {
        assertThat(lines.get(index - 1)).isEqualTo("if [ -n \"$MIN_SCORE\" ]; then");
      }
    }
    assertThat(text.split("vars\\.MIN_SCORE", -1)).as("places that read vars.MIN_SCORE").hasSize(2);
  }

  @Test
  void everyScriptIsValidBash() throws Exception {
    for (JsonNode step : steps) {
      if (step.has("run")) {
        Path script =
            Files.writeString(Files.createTempFile(temp, "step", ".sh"), step.path("run").asText());
        assertThat(bash(List.of("bash", "-n", script.toString()), Map.of()).exitCode())
            .as("bash -n of step %s", step.path("name").asText())
            .isZero();
      }
    }
  }

  @Test
  void theGradeStepPassesTheMinimumScoreOnlyWhenTheVariableIsSet() throws Exception {
    assertThat(gradeStepArguments(Map.of()))
        .doesNotContain("--min-score")
        .doesNotContain("--policy");
    assertThat(gradeStepArguments(Map.of("MIN_SCORE", ""))).doesNotContain("--min-score");
    assertThat(gradeStepArguments(Map.of("MIN_SCORE", "60")))
        .containsSubsequence("--min-score", "60");
  }

  @Test
  void theGradeStepUsesThePolicyPackedInTheBundle() throws Exception {
    Path policy = temp.resolve("runner/awskit-autograder/policy/course.yaml");
    Files.createDirectories(policy.getParent());
    Files.writeString(policy, "tiers: {}\n");
    assertThat(gradeStepArguments(Map.of())).containsSubsequence("--policy", policy.toString());
  }

  @Test
  void writesTheTemplateWhereItIsAsked() throws IOException {
    Path written =
        GitHubWorkflow.write(temp.resolve("student-repo").resolve(GitHubWorkflow.WORKFLOW_PATH));
    assertThat(written).hasContent(GitHubWorkflow.template());
  }

  /** Runs the Grade step's script as the runner would, with a java that records its arguments. */
  private List<String> gradeStepArguments(Map<String, String> variables) throws Exception {
    Path runnerTemp = Files.createDirectories(temp.resolve("runner"));
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path arguments = temp.resolve("arguments.txt");
    Files.writeString(
        bin.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + arguments + "\"\n");
    Files.setPosixFilePermissions(
        bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path script =
        Files.writeString(
            temp.resolve("grade.sh"), stepRunning(GRADE).path("run").asText());
    Map<String, String> environment = new HashMap<>(variables);
    environment.put("RUNNER_TEMP", runnerTemp.toString());
    environment.put("PATH", bin + ":/usr/bin:/bin");
    if (!variables.containsKey("MIN_SCORE")) {
      environment.put("MIN_SCORE", "");
    }
    // GitHub runs a step's script with: bash --noprofile --norc -eo pipefail
    Run run =
        bash(
            List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()),
            environment);
    assertThat(run.exitCode()).as(run.output()).isZero();
    return Files.readAllLines(arguments);
  }

  /** Runs one step's script as the runner would, with a java whose body is {@code java}. */
  private Run runStep(JsonNode step, String java) throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Files.writeString(bin.resolve("java"), "#!/bin/sh\n" + java + "\n");
    Files.setPosixFilePermissions(
        bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path script = Files.writeString(temp.resolve("step.sh"), step.path("run").asText());
    return bash(
        List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()),
        Map.of("RUNNER_TEMP", temp.toString(), "PATH", bin + ":/usr/bin:/bin"));
  }

  private record Run(int exitCode, String output) {}

  private Run bash(List<String> command, Map<String, String> environment) throws Exception {
    Path output = Files.createTempFile(temp, "bash", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(temp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 30 s");
    }
    return new Run(process.exitValue(), Files.readString(output));
  }

  private static JsonNode stepUsing(String action) {
    return steps.stream()
        .filter(step -> step.path("uses").asText().startsWith(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step uses " + action));
  }

  private static JsonNode stepRunning(String text) {
    return steps.stream()
        .filter(step -> step.path("run").asText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step runs " + text));
  }
}
