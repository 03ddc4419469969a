package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asks the real command line, with its real worker runner, for isolation levels: the probe, a
 * level demanded that the choice cannot give, a bad level, and the level in a report.
 */
class IsolationCommandTest {

  @TempDir Path work;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work)
        .execute(args);
  }

  @Test
  @DisplayName("the isolation command prints the level a worker started in")
  void printsTheLevel() {
    // when
    int exit = run("isolation", "--isolation", "jvm");

    // then
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("isolation: jvm (a worker JVM of the grader's own user");
  }

  @Test
  @DisplayName("prepare names the workers' class-data archive of a grader run from class folders")
  void prepareMakesTheArchiveOfABuildsClassFolders() {
    // when
    int exit = run("prepare");

    // then
    assertThat(exit).as("exit code of prepare; it said: %s%s", out, err).isEqualTo(ExitCodes.OK);
    String archive =
        out.toString()
            .lines()
            .filter(line -> line.startsWith("class-data archive: "))
            .map(line -> line.substring("class-data archive: ".length()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("prepare named no archive; it said: " + out));
    assertThat(archive).as("the archive prepare named for the build's class folders").endsWith(".jsa");
    assertThat(Path.of(archive)).as("the archive prepare made or found").isRegularFile();
  }

  @Test
  @DisplayName("auto gives bubblewrap's namespaces where CI installed bubblewrap")
  void autoGivesTheStrongestLevel() {
    // when
    int exit = run("isolation");

    // then
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).matches("(?s)isolation: (os|uid|jvm) \\(.*\\)\\R");
    if ("true".equals(System.getenv("CI"))) {
      assertThat(out.toString()).as("the level CI must give").startsWith("isolation: os (bubblewrap");
    }
  }

  @Test
  @DisplayName("a level demanded above the one chosen refuses to grade, with exit code 6")
  void demandedLevelAboveTheChoiceRefuses() {
    // when
    int exit =
        run("grade", "--reference", "--isolation", "jvm", "--require-isolation", "os", "-o", "r");

    // then
    assertRefusedWithoutWriting(exit, work.resolve("r"));
  }

  @Test
  @DisplayName("a batch refuses a level demanded above the one chosen too, after probing ahead")
  void batchRefusesADemandedLevelAboveTheChoice() throws Exception {
    // given
    Path batch = Files.createDirectories(work.resolve("class"));
    Assembled.reference(batch.resolve("alice"));

    // when
    int exit =
        run("batch", "class", "-o", "out", "--isolation", "jvm", "--require-isolation", "os");

    // then
    assertRefusedWithoutWriting(exit, work.resolve("out"));
  }

  /** Asserts that a command demanding os over a chosen jvm ended with exit code 6, writing nothing. */
  private void assertRefusedWithoutWriting(int exit, Path output) {
    assertThat(exit).isEqualTo(ExitCodes.ISOLATION_UNAVAILABLE);
    assertThat(err.toString())
        .contains("Grading needs isolation level os or stronger (--require-isolation)")
        .contains("this machine gives jvm");
    assertThat(output).doesNotExist();
  }

  @Test
  @DisplayName("a level that does not exist is a usage error")
  void unknownLevelIsAUsageError() {
    assertThat(run("isolation", "--isolation", "chroot")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--isolation").contains("chroot");
  }

  @Test
  @DisplayName("the JSON report names the level that graded it")
  void reportNamesTheLevel() throws Exception {
    // when
    int exit = run("grade", "--reference", "--isolation", "jvm", "-f", "json", "-o", "reports");

    // then
    assertThat(exit).isEqualTo(ExitCodes.OK);
    JsonNode report = new ObjectMapper().readTree(work.resolve("reports/report.json").toFile());
    assertThat(report.path("isolation").path("level").asText()).isEqualTo("jvm");
    assertThat(report.path("isolation").path("detail").asText()).contains("java.nio.file");
  }

  @Test
  @DisplayName("at the uid level the reports are the grader's alone, and a readable batch is named")
  void uidLevelKeepsTheReportsToTheGrader() throws Exception {
    // given a class of one student in a folder every user may read
    Path batch = Files.createDirectories(work.resolve("class"));
    Assembled.reference(batch.resolve("alice"));
    Files.setPosixFilePermissions(
        batch, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

    // when
    int exit = run("batch", "class", "-o", "out", "--isolation", "uid");

    // then
    if (exit == ExitCodes.ISOLATION_UNAVAILABLE) {
      String reason = "The uid level is not available here (the grader must run as root): " + err;
      if ("true".equals(System.getenv("CI"))) {
        org.assertj.core.api.Assertions.fail(reason);
      }
      org.junit.jupiter.api.Assumptions.abort(reason);
    }
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.getPosixFilePermissions(work.resolve("out")))
        .as("who may read the reports")
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    assertThat(err.toString())
        .contains("at the uid level the code under grading runs as another user, who can read")
        .contains(batch.toString())
        .contains("chmod -R go-rwx");
  }
}
