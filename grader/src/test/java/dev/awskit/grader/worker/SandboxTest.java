package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a worker's sandbox is emptied between two submissions and receives each submission's
 * classes whole.
 */
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

  @Test
  @DisplayName("a folder of classes arrives as one jar that holds every file under its own path")
  void receivesAFolderAsOneJar(@TempDir Path compiled) throws Exception {
    // given
    Path own = compiled.resolve("dev/awskit/exercises/q01/Answer.class");
    Files.createDirectories(own.getParent());
    Files.write(own, new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3});
    Files.writeString(compiled.resolve("dev/awskit/Helper.class"), "helper");
    Files.writeString(sandbox.classes().resolve("Old.class"), "the last submission's class");

    // when
    List<String> copies = sandbox.receiveClasses(List.of(compiled.toString()));

    // then
    assertThat(copies).containsExactly(sandbox.classes().resolve("0.jar").toString());
    try (Stream<Path> left = Files.list(sandbox.classes())) {
      assertThat(left.toList())
          .as("what the classes folder holds")
          .containsExactly(sandbox.classes().resolve("0.jar"));
    }
    try (ZipFile jar = new ZipFile(copies.get(0));
        URLClassLoader loader =
            new URLClassLoader(new URL[] {Path.of(copies.get(0)).toUri().toURL()}, null)) {
      assertThat(jar.stream().map(entry -> entry.getName()))
          .containsExactly("dev/awskit/Helper.class", "dev/awskit/exercises/q01/Answer.class");
      try (var in = loader.getResourceAsStream("dev/awskit/exercises/q01/Answer.class")) {
        assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(own));
      }
    }
  }
}
