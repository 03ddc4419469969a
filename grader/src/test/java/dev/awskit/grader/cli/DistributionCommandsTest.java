package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs export-kit and gradescope-bundle as an instructor would, and checks their exit codes. */
class DistributionCommandsTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path work;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            SubmissionRunner.inProcess(),
            Graded::catalog)
        .execute(args);
  }

  @Test
  void exportKitWritesTheStudentKitZip() throws IOException {
    // when
    int exit = run("export-kit", "--repository", REPOSITORY.toString(), "-o", "kit.zip");

    // then
    assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Wrote the student kit");
    try (ZipFile zip = new ZipFile(work.resolve("kit.zip").toFile())) {
      assertThat(zip.stream().map(entry -> entry.getName()))
          .as("files of the kit")
          .contains("kit/pom.xml", "kit/mvnw", "kit/docs/handout.md")
          .noneMatch(name -> name.contains("solutions/") || name.contains("grader/"));
    }
  }

  @Test
  void withoutANameBothZipsGoUnderTargetAndNothingIntoTheFolderTheyRunIn() throws IOException {
    // when
    int exit = run("export-kit", "--repository", REPOSITORY.toString());

    // then
    assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
    assertThat(work.resolve("target/awskit-student-kit.zip")).isRegularFile();
    try (var entries = Files.list(work)) {
      assertThat(entries.map(entry -> entry.getFileName().toString())).containsExactly("target");
    }
    assertThat(run("help", "gradescope-bundle")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("(default: target/autograder.zip)");
  }

  @Test
  void exportKitOutsideTheKitsRepositoryIsAUsageError() {
    // when
    int exit = run("export-kit", "-o", "kit.zip");

    // then
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("is not the kit's repository");
    assertThat(work.resolve("kit.zip")).doesNotExist();
  }

  @Test
  void gradescopeBundleNeedsThePackagedGrader() {
    // when: the tests run from target/classes, not from the jar
    int exit = run("gradescope-bundle", "-o", "autograder.zip");

    // then
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--grader");
  }

  @Test
  void gradescopeBundleRefusesAFolderWithoutTheGraderJar() throws IOException {
    // given
    Path empty = Files.createDirectory(work.resolve("empty"));

    // when
    int exit = run("gradescope-bundle", "--grader", empty.toString(), "-o", "autograder.zip");

    // then
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("No awskit-grader.jar");
  }
}
