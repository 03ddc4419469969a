package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that what a grader leaves in a temporary folder does not outlive it for long. */
class ScratchOwnerTest {

  @TempDir Path parent;
  @TempDir Path outside;

  private Process holder;

  @AfterEach
  void endHolder() throws InterruptedException {
    if (holder != null) {
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("a claim removes what a grader whose lock is free left, and nothing else")
  void sweepsWhatAGraderThatIsGoneLeft() throws IOException {
    // given
    Files.createFile(parent.resolve("awskit-owner-1.2.lock"));
    Files.createDirectories(parent.resolve("awskit-grade-1.2-17/classes/q01"));
    Files.writeString(parent.resolve("awskit-grade-1.2-17/classes/q01/A.class"), "bytes");
    Files.createFile(parent.resolve("awskit-cds-1.2-5.log"));
    Path withoutLock = Files.createDirectory(parent.resolve("awskit-grade-3.4-9"));
    Path notOurs = Files.createDirectory(parent.resolve("cache-1.2-x"));

    // when
    try (ScratchOwner owner = ScratchOwner.claim(List.of(parent))) {

      // then
      assertThat(owner.swept()).isEqualTo(2);
      assertThat(parent.resolve("awskit-grade-1.2-17")).doesNotExist();
      assertThat(parent.resolve("awskit-cds-1.2-5.log")).doesNotExist();
      assertThat(parent.resolve("awskit-owner-1.2.lock")).doesNotExist();
      assertThat(withoutLock).isDirectory();
      assertThat(notOurs).isDirectory();
    }
  }

  @Test
  @DisplayName("a link in what a gone grader left is removed, and what it leads to is kept")
  void followsNoLink() throws IOException {
    // given
    Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
    Files.createFile(parent.resolve("awskit-owner-1.2.lock"));
    Path left = Files.createDirectory(parent.resolve("awskit-worker-1.2-3"));
    Files.createSymbolicLink(left.resolve("inside"), outside);
    Files.createSymbolicLink(parent.resolve("awskit-grade-1.2-4"), outside);

    // when
    try (ScratchOwner owner = ScratchOwner.claim(List.of(parent))) {

      // then
      assertThat(left).doesNotExist();
      assertThat(parent.resolve("awskit-grade-1.2-4")).doesNotExist();
      assertThat(precious).hasContent("keep me");
    }
  }

  @Test
  @DisplayName("a grader that runs keeps its folders, and they go once it is killed")
  void killedGraderIsSweptAfterwards() throws Exception {
    // given
    Path own = startHolder();

    // when
    try (ScratchOwner whileItRuns = ScratchOwner.claim(List.of(parent))) {
      assertThat(whileItRuns.swept()).isZero();
    }
    holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(own).as("a killed process runs no clean-up").isDirectory();
    try (ScratchOwner afterwards = ScratchOwner.claim(List.of(parent))) {

      // then
      assertThat(afterwards.swept()).isEqualTo(1);
      assertThat(own).doesNotExist();
      assertThat(ownerLocks()).containsExactly(lockOf(ownTagOfThisJvm()));
    }
  }

  @Test
  @DisplayName("a grader stopped by a signal removes its own folders on the way out")
  void stoppedGraderCleansUp() throws Exception {
    // given
    Path own = startHolder();

    // when
    holder.destroy();
    boolean ended = holder.waitFor(30, TimeUnit.SECONDS);

    // then
    assertThat(ended).isTrue();
    assertThat(own).doesNotExist();
    try (ScratchOwner next = ScratchOwner.claim(List.of(parent))) {
      assertThat(next.swept()).as("nothing left but the lock file, which a claim removes").isZero();
      assertThat(ownerLocks()).containsExactly(lockOf(ownTagOfThisJvm()));
    }
  }

  @Test
  @DisplayName("a grader deletes its own folders when asked, and no one else's")
  void deletesOnlyItsOwnFolders() throws IOException {
    // given
    Path others = Files.createDirectory(parent.resolve("awskit-grade-3.4-1"));
    try (ScratchOwner owner = ScratchOwner.claim(List.of(parent))) {
      Path own = Files.createTempDirectory(parent, ScratchOwner.prefix("awskit-grade-"));

      // when
      owner.deleteOwnFolders();

      // then
      assertThat(own).doesNotExist();
      assertThat(others).isDirectory();
    }
    assertThat(ownerLocks()).as("the lock file goes on close").isEmpty();
  }

  @Test
  @DisplayName("a prefix outside the grader's family of names is refused")
  void refusesAForeignPrefix() {
    assertThatThrownBy(() -> ScratchOwner.prefix("grade-"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ScratchOwner.prefix("awskit-grade-")).startsWith("awskit-grade-").endsWith("-");
  }

  private Path startHolder() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ScratchOwnerHolder.class.getName(),
                parent.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String line = lines.readLine();
    assertThat(line).as("the holder's own folder").isNotNull();
    Path own = Path.of(line);
    assertThat(own).isDirectory();
    return own;
  }

  private List<String> ownerLocks() throws IOException {
    try (Stream<Path> entries = Files.list(parent)) {
      return entries
          .map(entry -> entry.getFileName().toString())
          .filter(name -> name.startsWith("awskit-owner-"))
          .toList();
    }
  }

  private static String ownTagOfThisJvm() {
    String prefix = ScratchOwner.prefix("awskit-x-");
    return prefix.substring("awskit-x-".length(), prefix.length() - 1);
  }

  private static String lockOf(String tag) {
    return "awskit-owner-" + tag + ".lock";
  }
}
