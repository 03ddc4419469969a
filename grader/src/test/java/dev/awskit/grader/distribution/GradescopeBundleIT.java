package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.testing.ReportSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Gradescope bundle end to end: built from the packaged grader jar (failsafe runs this
 * after {@code package}), unpacked into a simulated {@code /autograder}, graded by {@code
 * run_autograder} with bash and the real grader.
 */
class GradescopeBundleIT {

  private static final Duration TIME_LIMIT = Duration.ofMinutes(3);
  private static final Set<String> VISIBILITIES =
      Set.of("hidden", "after_due_date", "after_published", "visible");

  private static Path autograderZip;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path temp;

  @BeforeAll
  static void bundleThePackagedGrader(@TempDir Path bundles) throws IOException {
    String folder = System.getProperty("awskit.graderJarFolder");
    // Failsafe sets the property after package; a Surefire run picked by -Dtest=... has no jar yet.
    assumeTrue(folder != null, "runs under failsafe, after package, with awskit.graderJarFolder");
    autograderZip = bundles.resolve(GradescopeBundle.DEFAULT_FILE_NAME);
    GradescopeBundle.write(Path.of(folder), autograderZip, Optional.empty());
  }

  @Test
  void theReferenceSolutionScoresFullMarks() throws Exception {
    // given
    Path root = gradescopeLayout(Repository.root().resolve("solutions/src/main/java"));

    // when
    String log = runAutograder(root);

    // then
    JsonNode results = json.readTree(root.resolve("results/results.json").toFile());
    assertThat(ReportSchemas.gradescopeResults().validate(results))
        .as("schema errors of results.json")
        .isEmpty();
    assertThat(results.get("score").asDouble())
        .as("score; run_autograder said:%n%s", log)
        .isEqualTo(100.0);
    assertThat(log.lines().filter(line -> line.matches("isolation: (os|uid|jvm) \\(.+\\)")))
        .as("the isolation level run_autograder prints before grading; it said:%n%s", log)
        .hasSize(1);
    assertThat(results.get("execution_time").asDouble()).isNotNegative();
    List<JsonNode> tests = tests(results);
    assertThat(tests).as("tests[] of results.json").hasSizeGreaterThanOrEqualTo(12 * 6);
    assertThat(tests)
        .allSatisfy(
            test -> {
              assertThat(test.get("name").asText()).isNotBlank();
              assertThat(test.get("max_score").asDouble()).isPositive();
              assertThat(test.get("score").asDouble()).isEqualTo(test.get("max_score").asDouble());
              assertThat(test.get("status").asText()).isEqualTo("passed");
              assertThat(test.get("visibility").asText()).isIn(VISIBILITIES);
            });
    assertThat(tests.stream().mapToDouble(test -> test.get("max_score").asDouble()).sum())
        .isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void theUntouchedStubsScoreNothingAndSayWhyEvenBesideABrokenClassDataArchive() throws Exception {
    // given: an archive run_autograder passes to the JVM, which must refuse it and grade on
    Path root = gradescopeLayout(Repository.root().resolve("exercises/src/main/java"));
    Files.writeString(root.resolve("source/grader/awskit-grader.jsa"), "not a class-data archive");

    // when
    String log = runAutograder(root);

    // then
    JsonNode results = json.readTree(root.resolve("results/results.json").toFile());
    assertThat(results.get("score").asDouble()).as("score; run_autograder said:%n%s", log).isZero();
    assertThat(tests(results))
        .isNotEmpty()
        .allSatisfy(
            test -> {
              assertThat(test.get("status").asText()).isEqualTo("failed");
              assertThat(test.get("output").asText()).contains("not implemented yet");
            });
  }

  @Test
  void theBundleHoldsNoReferenceSolution() throws IOException {
    assertThat(ZipListing.fileNames(autograderZip))
        .contains("grader/" + GradescopeBundle.GRADER_JAR)
        .noneMatch(name -> name.contains("solutions"));
    assertThat(ZipListing.entriesUnder(autograderZip, "dev/awskit/solutions/")).isEmpty();
  }

  @Test
  void selfCheckOnTheBundleChecksTheStubsAndPointsAtTheBuild() throws Exception {
    // given
    Path root = gradescopeLayout(Repository.root().resolve("exercises/src/main/java"));
    Path log = temp.resolve("self-check.log");

    // when
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                root.resolve("source/grader/" + GradescopeBundle.GRADER_JAR).toString(),
                "self-check")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("self-check took longer than " + TIME_LIMIT);
    }

    // then
    String output = Files.readString(log);
    assertThat(process.exitValue()).as("exit code of self-check; it said:%n%s", output).isZero();
    assertThat(output)
        .contains("skip reference solution", "java -jar grader/target/awskit-grader.jar self-check")
        .contains("ok   untouched stubs: 0 / 100")
        .contains("Self-check passed for the stubs; the reference solution was not checked.");
  }

  /** Unpacks the bundle as Gradescope does and puts a copy of {@code sources} in submission/. */
  private Path gradescopeLayout(Path sources) throws IOException {
    Path root = Files.createDirectories(temp.resolve("autograder"));
    ZipListing.extract(autograderZip, Files.createDirectories(root.resolve("source")));
    Files.copy(root.resolve("source/run_autograder"), root.resolve("run_autograder"));
    Path submission = Files.createDirectories(root.resolve("submission"));
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        Path copy = submission.resolve(sources.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    return root;
  }

  /** Runs run_autograder with bash in the layout, with this JVM's java, and returns its output. */
  private String runAutograder(Path root) throws Exception {
    Path log = temp.resolve("run_autograder.log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", root.resolve("run_autograder").toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("AUTOGRADER_ROOT", root.toString());
    builder
        .environment()
        .put("AWSKIT_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process process = builder.start();
    if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError("run_autograder took longer than " + TIME_LIMIT);
    }
    assertThat(process.exitValue()).as("exit code of run_autograder").isZero();
    return Files.readString(log);
  }

  private static List<JsonNode> tests(JsonNode results) {
    List<JsonNode> tests = new ArrayList<>();
    results.get("tests").forEach(tests::add);
    return tests;
  }
}
