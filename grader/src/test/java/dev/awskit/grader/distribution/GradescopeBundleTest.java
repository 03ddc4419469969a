package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Gradescope bundle's layout and its scripts, with a stand-in for {@code java} that
 * records how it was called; {@code GradescopeBundleIT} runs the real grader.
 */
class GradescopeBundleTest {

  /** Stands in for java: records its arguments, then acts as FAKE_MODE says. */
  private static final String FAKE_JAVA =
      """
      #!/usr/bin/env bash
      printf '%s\\n' "$@" > "$FAKE_ARGUMENTS"
      output=""; previous=""
      for argument in "$@"; do
        if [ "$previous" = "--output" ]; then output="$argument"; fi
        previous="$argument"
      done
      case "$FAKE_MODE" in
        graded) printf '{"score": 42.5, "tests": []}' > "$output/results.json" ;;
        unusable) exit 3 ;;
        hangs) exec sleep 30 ;;
        crashes) echo "Exception in thread main" >&2; exit 1 ;;
      esac
      """;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path temp;
  private Path graderFolder;

  @BeforeEach
  void buildAStandInGraderFolder() throws IOException {
    graderFolder = Files.createDirectories(temp.resolve("target"));
    Files.createDirectories(graderFolder.resolve("lib"));
    jar(graderFolder.resolve("lib/picocli.jar"), null, "picocli/CommandLine.class");
    jar(
        graderFolder.resolve("lib/solutions.jar"),
        null,
        "dev/awskit/solutions/q01/ClientStylesExplainer.class");
    jar(
        graderFolder.resolve("lib/exercises.jar"),
        null,
        "dev/awskit/exercises/q01/ClientStyles.class");
    jar(
        graderFolder.resolve(GradescopeBundle.GRADER_JAR),
        "lib/picocli.jar lib/solutions.jar lib/exercises.jar",
        "dev/awskit/grader/cli/Main.class");
  }

  @Test
  void holdsTheScriptsTheGraderItsLibrariesAndThePolicy() throws IOException {
    // given
    Path policy = Files.writeString(temp.resolve("grading-policy.yaml"), "tiers: {}\n");
    Path zip = temp.resolve("out/autograder.zip");

    // when
    WrittenArchive written = GradescopeBundle.write(graderFolder, zip, Optional.of(policy));

    // then
    Map<String, ZipListing.Entry> entries =
        ZipListing.entries(zip).stream()
            .filter(entry -> !entry.isDirectory())
            .collect(Collectors.toMap(ZipListing.Entry::name, entry -> entry));
    assertThat(entries.keySet())
        .containsExactlyInAnyOrder(
            "setup.sh",
            "run_autograder",
            "grader/awskit-grader.jar",
            "grader/lib/picocli.jar",
            "grader/lib/exercises.jar",
            "policy/grading-policy.yaml");
    assertThat(written.entries()).containsExactlyInAnyOrderElementsOf(entries.keySet());
    assertThat(entries.get("setup.sh").unixMode()).isEqualTo(0755);
    assertThat(entries.get("run_autograder").unixMode()).isEqualTo(0755);
    assertThat(entries.get("grader/awskit-grader.jar").isExecutable()).isFalse();
    assertThat(ZipListing.read(zip, "run_autograder"))
        .contains("PACKED_POLICY=\"policy/grading-policy.yaml\"");
  }

  @Test
  void leavesTheReferenceSolutionOut() throws IOException {
    // when
    GradescopeBundle.write(graderFolder, temp.resolve("autograder.zip"), Optional.empty());

    // then
    assertThat(ZipListing.fileNames(temp.resolve("autograder.zip")))
        .doesNotContain("grader/lib/solutions.jar")
        .noneMatch(name -> name.startsWith("policy/"));
  }

  @Test
  void refusesAFolderWithoutTheGraderJar() {
    assertThatThrownBy(
            () -> GradescopeBundle.write(temp, temp.resolve("autograder.zip"), Optional.empty()))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("No awskit-grader.jar in");
  }

  @Test
  void refusesAGraderJarWhoseLibrariesAreMissing() throws IOException {
    // given
    Files.delete(graderFolder.resolve("lib/picocli.jar"));

    // when, then
    assertThatThrownBy(
            () ->
                GradescopeBundle.write(
                    graderFolder, temp.resolve("autograder.zip"), Optional.empty()))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("lib/picocli.jar");
  }

  @Test
  void refusesAJarThatCannotRun() throws IOException {
    // given
    Manifest plain = new Manifest();
    plain.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream out =
            Files.newOutputStream(graderFolder.resolve(GradescopeBundle.GRADER_JAR));
        JarOutputStream jar = new JarOutputStream(out, plain)) {
      jar.putNextEntry(new JarEntry("dev/awskit/grader/cli/Main.class"));
    }

    // when, then
    assertThatThrownBy(
            () ->
                GradescopeBundle.write(
                    graderFolder, temp.resolve("autograder.zip"), Optional.empty()))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("names no Main-Class");
  }

  @Test
  void refusesAMissingPolicyFile() {
    Optional<Path> policy = Optional.of(temp.resolve("nowhere.yaml"));
    assertThatThrownBy(
            () -> GradescopeBundle.write(graderFolder, temp.resolve("autograder.zip"), policy))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("nowhere.yaml does not exist");
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
        .containsSubsequence("--format", "gradescope")
        .containsSubsequence("--policy", root.resolve("source/policy/policy.yaml").toString())
        .doesNotContain("--min-score");
  }

  @Test
  void runAutograderTakesEveryLocationFromTheEnvironment() throws Exception {
    // given
    Path root = gradescopeLayout(Optional.empty());
    Path submission = Files.createDirectories(temp.resolve("elsewhere/submitted"));
    Path results = temp.resolve("elsewhere/results");
    Path graderHome = temp.resolve("elsewhere/grader");

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

    // when
    Run run = runAutograder(root, "unusable", Map.of());

    // then
    assertThat(run.exitCode()).isZero();
    JsonNode results = json.readTree(root.resolve("results/results.json").toFile());
    assertThat(results.get("score").asDouble()).isZero();
    assertThat(results.get("tests").isArray()).isTrue();
    assertThat(results.get("output").asText())
        .contains("could not be graded", "exercises/src/main/java");
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

  @Test
  void setupSkipsTheInstallWhenAJdk17IsThere() throws Exception {
    // given
    Path bin = standInTools("17.0.9");

    // when
    Run run = runSetup(bin);

    // then
    assertThat(run.exitCode()).as(run.log()).isZero();
    assertThat(run.log())
        .contains("JDK 17 is already installed")
        .doesNotContain("apt-get was called");
  }

  @Test
  void setupInstallsAJdkThroughAptWhenTheJdkIsOlder() throws Exception {
    // given
    Path bin = standInTools("11.0.20");

    // when
    Run run = runSetup(bin);

    // then
    assertThat(run.log())
        .contains(
            "apt-get was called with install -y --no-install-recommends openjdk-17-jdk-headless");
  }

  private Run runSetup(Path bin) throws Exception {
    Path zip = temp.resolve("autograder.zip");
    GradescopeBundle.write(graderFolder, zip, Optional.empty());
    Path source = Files.createDirectories(temp.resolve("setup"));
    ZipListing.extract(zip, source);
    return run(
        List.of("bash", source.resolve("setup.sh").toString()),
        source,
        Map.of("PATH", bin + ":/usr/bin:/bin"));
  }

  /** Writes stand-ins for javac, java and apt-get (which records its call) into a folder. */
  private Path standInTools(String javacVersion) throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    script(bin.resolve("javac"), "#!/bin/sh\necho 'javac " + javacVersion + "'\n");
    script(bin.resolve("java"), "#!/bin/sh\necho 'openjdk version stand-in' >&2\n");
    script(bin.resolve("apt-get"), "#!/bin/sh\necho \"apt-get was called with $*\"\n");
    return bin;
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
    script(temp.resolve("java"), FAKE_JAVA);
    return root;
  }

  private record Run(int exitCode, String log, List<String> javaArguments) {}

  private Run runAutograder(Path root, String mode, Map<String, String> environment)
      throws Exception {
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.put("AUTOGRADER_ROOT", root.toString());
    all.put("AWSKIT_JAVA", temp.resolve("java").toString());
    all.put("FAKE_MODE", mode);
    all.put("FAKE_ARGUMENTS", temp.resolve("arguments.txt").toString());
    Run run = run(List.of("bash", root.resolve("run_autograder").toString()), root, all);
    List<String> arguments =
        Files.exists(temp.resolve("arguments.txt"))
            ? Files.readAllLines(temp.resolve("arguments.txt"))
            : List.of();
    return new Run(run.exitCode(), run.log(), arguments);
  }

  private Run run(List<String> command, Path directory, Map<String, String> environment)
      throws Exception {
    Path log = Files.createTempFile(temp, "run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 60 s");
    }
    return new Run(process.exitValue(), Files.readString(log), List.of());
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void jar(Path file, String classPath, String entry) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.awskit.grader.cli.Main");
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.putNextEntry(new JarEntry(entry));
    }
  }
}
