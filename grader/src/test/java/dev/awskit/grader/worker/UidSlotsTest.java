package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a uid stays taken across processes for as long as its slot is open: another grader
 * process must never get the uid of a worker still running here, or ending its own worker would
 * end ours.
 */
class UidSlotsTest {

  @TempDir Path folder;
  @TempDir Path probeFolder;

  @Test
  void aSecondTakeInTheSameJvmNeitherGetsNorFreesTheFirstUid() throws Exception {
    // given two runners of one grader, each with its own slots over the same range
    UidSlots first = new UidSlots(folder, 64_000, 3);
    UidSlots second = new UidSlots(folder, 64_000, 3);
    UidSlots.Slot held = first.take().orElseThrow();

    // when the second takes a uid
    UidSlots.Slot next = second.take().orElseThrow();

    // then it got another one, and another process still finds the first taken
    assertThat(held.uid()).isEqualTo(64_000);
    assertThat(next.uid()).isEqualTo(64_001);
    assertThat(anotherProcessCanLock(folder.resolve("64000.lock"))).isFalse();
    held.close();
    next.close();
  }

  @Test
  void aClosedSlotIsFreeForOtherProcessesAndForThisOne() throws Exception {
    // given
    UidSlots slots = new UidSlots(folder, 64_000, 2);
    UidSlots.Slot held = slots.take().orElseThrow();

    // when
    held.close();

    // then
    assertThat(anotherProcessCanLock(folder.resolve("64000.lock"))).isTrue();
    UidSlots.Slot again = slots.take().orElseThrow();
    assertThat(again.uid()).isEqualTo(64_000);
    again.close();
  }

  @Test
  void everyUidTakenGivesNone() {
    // given
    UidSlots slots = new UidSlots(folder, 64_000, 1);
    UidSlots.Slot held = slots.take().orElseThrow();

    // when / then
    assertThat(slots.take()).isEmpty();
    held.close();
  }

  /** Asks a new JVM to lock {@code file} as another grader would, and says whether it could. */
  private boolean anotherProcessCanLock(Path file) throws IOException, InterruptedException {
    Path probe = probeFolder.resolve("LockProbe.java");
    Files.writeString(probe, """
        import java.nio.channels.FileChannel;
        import java.nio.file.Path;
        import java.nio.file.StandardOpenOption;
        public class LockProbe {
          public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
              System.out.print(channel.tryLock() != null ? "locked" : "held");
            }
          }
        }
        """);
    Process java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                probe.toString(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(said).as("what the probe said").isIn("locked", "held");
    return said.equals("locked");
  }
}
