package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.intake.TestZips;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the intake refuses hostile zips before anything of them is compiled or run: a zip
 * whose entry points outside its folder, and a zip bomb. Nothing of them reaches a worker, so the
 * grader here runs tests in its own JVM.
 */
class HostileZipTest {

  private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
  private static final Duration BOUND = Duration.ofSeconds(90);

  @Test
  void zipSlipIsRefusedAndWritesNothingOutside(@TempDir Path work) throws Exception {
    Path zip =
        referenceZip()
            .entry("../../awskit-slipped.java", "class Slipped {}")
            .writeTo(work.resolve("slip.zip"));

    Graded.Timed<Throwable> refused = Graded.timed(() -> refusal(zip));

    assertThat(refused.took()).isLessThan(BOUND);
    assertThat(refused.value())
        .isInstanceOf(SubmissionUnusableException.class)
        .hasMessageContaining("points outside its folder");
    assertThat(work.getParent().resolve("awskit-slipped.java")).doesNotExist();
    assertThat(work.resolve("awskit-slipped.java")).doesNotExist();
  }

  @Test
  void zipBombIsRefusedWithoutExpandingIt(@TempDir Path work) throws Exception {
    Path zip =
        referenceZip()
            .entry("src/Bomb.java", TestZips.compressibleSource(64 * 1024 * 1024))
            .writeTo(work.resolve("bomb.zip"));

    Graded.Timed<Throwable> refused = Graded.timed(() -> refusal(zip));

    assertThat(Files.size(zip)).as("size of the bomb").isLessThan(1024 * 1024);
    assertThat(refused.took()).isLessThan(BOUND);
    assertThat(refused.value())
        .isInstanceOf(SubmissionUnusableException.class)
        .hasMessageContaining("Bomb.java");
  }


  /** Starts a zip of the reference solution's sources, as a student would zip a submission. */
  private static TestZips referenceZip() throws IOException {
    TestZips zip = TestZips.zip();
    try (Stream<Path> files = Files.walk(Graded.SOLUTION_SOURCES)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.entry(
            "src/" + Graded.SOLUTION_SOURCES.relativize(file).toString().replace('\\', '/'),
            Files.readAllBytes(file));
      }
    }
    return zip;
  }

  private static Throwable refusal(Path zip) {
    try {
      Graded.grader()
          .grade(new SubmissionSource.SourceFolder(zip), new RunSettings(TIME_LIMIT, Map.of()));
      return null;
    } catch (SubmissionUnusableException refused) {
      return refused;
    }
  }
}
