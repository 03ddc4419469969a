package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks how the grader tells a worker uid's processes from {@code /proc}. */
class UserProcessesTest {

  private static final String RUNNING =
      "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t42\nNgid:\t0\nPid:\t42\n"
          + "PPid:\t1\nTracerPid:\t0\nUid:\t60001\t0\t0\t0\nGid:\t60001\t0\t0\t0\n";

  @TempDir Path proc;

  @Test
  void readsTheRealUserIdNotTheEffectiveOne() {
    // when / then
    assertThat(UserProcesses.realUidOf(RUNNING))
        .as("the real uid of a status whose Uid line reads 60001 0 0 0")
        .hasValue(60001);
  }

  @Test
  void aProcessWaitingToBeReapedCountsAsGone() {
    // given
    String zombie = RUNNING.replace("S (sleeping)", "Z (zombie)");

    // when / then
    assertThat(UserProcesses.realUidOf(zombie)).hasValue(-1);
  }

  @Test
  void aTextThatStopsBeforeItsUidLineGivesNoAnswer() {
    // when / then
    assertThat(UserProcesses.realUidOf(RUNNING.substring(0, RUNNING.indexOf("Uid:"))))
        .isEqualTo(OptionalInt.empty());
  }

  @Test
  void aUidLineBeyondTheFirstBytesReadIsStillFound() throws IOException {
    // given a status whose Uid line starts past the first read, and one whose number it cuts
    String padding = "Name:\t" + "x".repeat(UserProcesses.STATUS_HEAD_BYTES) + "\n";
    Path far = status("far", padding + RUNNING.substring(RUNNING.indexOf("Umask:")));
    String before = "Name:\t" + "y".repeat(UserProcesses.STATUS_HEAD_BYTES - 14) + "\n";
    Path straddling = status("straddling", before + "Uid:\t60001\t0\t0\t0\n");

    // when / then
    assertThat(UserProcesses.realUid(far)).isEqualTo(60001);
    assertThat(UserProcesses.realUid(straddling))
        .as("a Uid line cut by the first read, %d bytes in", before.length())
        .isEqualTo(60001);
  }

  @Test
  void aProcessNamedWithBytesThatAreNotUtf8IsStillCounted() throws IOException {
    // given a process that renamed itself (its comm) to bytes that are not UTF-8, which a reader
    // of UTF-8 refuses: read that way, the process would hide from the list of its uid
    Path process = Files.createDirectories(proc.resolve("renamed"));
    byte[] name = {'N', 'a', 'm', 'e', ':', '\t', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'};
    byte[] rest = RUNNING.substring(RUNNING.indexOf("Umask:")).getBytes(StandardCharsets.US_ASCII);
    Files.write(process.resolve("status"), name);
    Files.write(process.resolve("status"), rest, StandardOpenOption.APPEND);

    // when / then
    assertThat(UserProcesses.realUid(process)).isEqualTo(60001);
  }

  @Test
  void aProcessWithoutAStatusFileCountsAsGone() {
    // when / then
    assertThat(UserProcesses.realUid(proc.resolve("4242"))).isEqualTo(-1);
  }

  @Test
  void findsThisJvmAmongTheProcessesOfItsUser() throws IOException {
    // given
    Path self = Path.of("/proc/self");
    assumeTrue(Files.isDirectory(self), "Needs Linux's /proc.");
    int uid = (Integer) Files.getAttribute(self, "unix:uid");

    // when / then
    assertThat(UserProcesses.of(uid)).contains(ProcessHandle.current().pid());
  }

  private Path status(String name, String text) throws IOException {
    Path process = Files.createDirectories(proc.resolve(name));
    Files.writeString(process.resolve("status"), text);
    return process;
  }
}
