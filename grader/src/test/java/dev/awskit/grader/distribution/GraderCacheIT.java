package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.cli.GraderCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code prepare} from the packaged grader jar (failsafe runs this after {@code package}) in a
 * cache folder of its own and grades the reference solution with the cache and the grader's own
 * class-data archive in use. (That a changed worker archive is never used is proven in {@code
 * ClassPathStageTest}.)
 */
class GraderCacheIT {

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path work;

  @Test
  void prepareMakesBothArchivesInPlaceOfABrokenOneAndAGradeWithThemGivesFullMarks()
      throws Exception {
    // given: a file where the grader's own archive belongs that no JVM can map
    String folder = System.getProperty("awskit.graderJarFolder");
    assumeTrue(folder != null, "runs under failsafe, after package, with awskit.graderJarFolder");
    Path jar = Path.of(folder, "awskit-grader.jar");
    Path graderArchive = Path.of(folder, "awskit-grader.jsa");
    Files.writeString(graderArchive, "not a class-data archive");
    Path cache = work.resolve("cache");

    // when
    Run first = grader(jar, cache, List.of(), "prepare");
    // -Xshare:on: the JVM ends at start unless it maps the archive
    Run grade =
        grader(
            jar, cache, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + graderArchive),
            "grade", Repository.root().resolve("solutions/src/main/java").toString(),
            "-o", work.resolve("reports").toString());

    // then
    assertThat(first.exitCode()).as("exit code of prepare; it said:%n%s", first.output()).isZero();
    assertThat(first.output())
        .as("what prepare said on a machine without a cache")
        .contains(
            "Making the workers' class-data archive",
            "class-data archive: " + cache,
            "Making the grader's class-data archive",
            "grader's class-data archive: " + graderArchive);
    assertThat(grade.exitCode()).as("exit code of grade; it said:%n%s", grade.output()).isZero();
    assertThat(
            json.readTree(work.resolve("reports/report.json").toFile()).get("score").asDouble())
        .as("score of the reference solution graded with the cache; grade said:%n%s", grade.output())
        .isEqualTo(100.0);
    assertThat(Files.size(archive(cache))).as("size of the archive in the stage").isPositive();
  }

  private static Path archive(Path cache) throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      return files
          .filter(path -> path.getParent().getFileName().toString().startsWith("stage-"))
          .filter(path -> path.getFileName().toString().endsWith(".jsa"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No archive in a stage of " + cache));
    }
  }

  private Run grader(Path jar, Path cache, List<String> jvmOptions, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The JVM options docs/performance.md recommends, as an installation runs the grader.
    command.addAll(GraderCli.RECOMMENDED_JVM_OPTIONS);
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(work, "grader-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("AWSKIT_GRADER_CACHE", cache.toString());
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("java -jar awskit-grader.jar " + String.join(" ", args) + " took over 3 minutes");
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  /** Holds how a run of the grader ended and what it printed. */
  private record Run(int exitCode, String output) {}
}
