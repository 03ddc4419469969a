package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the grader's class-data archive is no easier to read than the jar it is made from:
 * it holds the hidden tests' classes, which the grader's JVM loads to judge.
 */
class GraderArchiveTest {

  @TempDir Path work;

  @Test
  void anArchiveOfAJarOnlyItsOwnerReadsIsReadByItsOwnerOnly() throws Exception {
    // given
    Path jar = Files.createFile(work.resolve("awskit-grader.jar"));
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rwx------"));

    // when / then
    assertThat(PosixFilePermissions.toString(GraderArchive.readAndWriteOf(jar)))
        .isEqualTo("rw-------");
  }

  @Test
  void anArchiveOfAJarEveryoneReadsIsReadByEveryone() throws Exception {
    // given
    Path jar = Files.createFile(work.resolve("awskit-grader.jar"));
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));

    // when / then
    assertThat(PosixFilePermissions.toString(GraderArchive.readAndWriteOf(jar)))
        .isEqualTo("rw-r--r--");
  }
}
