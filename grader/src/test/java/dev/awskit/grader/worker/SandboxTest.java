package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Proves that a worker's sandbox is emptied between two submissions. */
class SandboxTest {

  private final Sandbox sandbox = Sandbox.create();

  @AfterEach
  void deleteSandbox() {
    sandbox.delete();
  }

  @Test
  @DisplayName("clearing a sandbox deletes what a submission wrote and keeps the four folders")
  void clearKeepsOnlyTheFolders() throws Exception {
    // given
    Files.writeString(sandbox.work().resolve("answers.txt"), "42");
    Files.createDirectories(sandbox.tmp().resolve("deep/er"));
    Files.writeString(sandbox.tmp().resolve("deep/er/cache.bin"), "x");
    Files.createDirectories(sandbox.home().resolve(".aws"));
    Files.writeString(sandbox.root().resolve("escaped.txt"), "../ from the working folder");
    Files.writeString(sandbox.classes().resolve("Old.class"), "the last submission's class");

    // when
    boolean cleared = sandbox.clear();

    // then
    assertThat(cleared).as("whether the sandbox could be emptied").isTrue();
    try (Stream<Path> left = Files.walk(sandbox.root())) {
      assertThat(left.toList())
          .as("what is left in the sandbox")
          .containsExactlyInAnyOrder(
              sandbox.root(), sandbox.work(), sandbox.tmp(), sandbox.home(), sandbox.classes());
    }
  }
}
