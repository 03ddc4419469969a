package dev.awskit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the image tar Jib wrote: its configuration (an unprivileged user, the grader as entry
 * point), its files (no reference solution), and that it runs: its layers are unpacked into a
 * folder and the entry point is started there, in the image's user, with bubblewrap standing in
 * for a container runtime; it grades the reference solution with the {@code os} level.
 */
class ImageIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path root;
  private static JsonNode config;
  private static List<String> files;

  @BeforeAll
  static void unpackTheImage(@TempDir Path unpacked) throws Exception {
    Path tar = Path.of(System.getProperty("awskit.imageTar", "target/jib-image.tar"));
    assumeTrue(Files.isRegularFile(tar), "runs under failsafe, after Jib wrote " + tar);
    Path image = unpacked.resolve("image");
    Files.createDirectories(image);
    untar(tar, image, false);
    JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
    config = JSON.readTree(image.resolve(manifest.get("Config").asText()).toFile());
    root = unpacked.resolve("rootfs");
    Files.createDirectories(root);
    files = new ArrayList<>();
    for (JsonNode layer : manifest.get("Layers")) {
      files.addAll(untar(image.resolve(layer.asText()), root, true));
    }
  }

  @Test
  void runsTheGraderAsAnUnprivilegedUser() {
    // then
    JsonNode container = config.get("config");
    assertThat(container.get("User").asText()).isEqualTo("65532:65532");
    assertThat(container.get("Entrypoint").toString())
        .contains("/opt/java/bin/java").contains("/opt/awskit/awskit-grader.jar");
    assertThat(config.get("created").asText()).as("Jib's fixed creation time, for a reproducible image")
        .startsWith("1970-01-01");
  }

  @Test
  void holdsTheGraderAndTheIsolationToolsButNoReferenceSolution() {
    // then
    assertThat(files)
        .contains("opt/awskit/awskit-grader.jar", "usr/bin/bwrap", "usr/bin/setpriv", "usr/bin/prlimit",
            "opt/java/bin/java")
        .noneMatch(name -> name.contains("solutions"))
        .noneMatch(name -> name.contains("jplag"));
  }

  @Test
  void gradesTheReferenceSolutionInsideTheImageAtTheOsLevel(@TempDir Path data) throws Exception {
    // given
    Path bwrap = Path.of("/usr/bin/bwrap");
    if (!Files.isExecutable(bwrap)) {
      if ("true".equals(System.getenv("CI"))) {
        fail("bubblewrap is missing; .ci/run installs it.");
      }
      assumeTrue(false, "bubblewrap is missing (apt-get install bubblewrap): the image cannot be started here.");
    }
    copyTree(Path.of(System.getProperty("awskit.solutionSources")), data.resolve("submission"));
    List<String> command = new ArrayList<>(List.of(bwrap.toString(),
        "--bind", root.toString(), "/", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
        "--tmpfs", "/run", "--bind", data.toString(), "/data", "--chdir", "/data",
        "--unshare-user", "--uid", "65532", "--gid", "65532", "--clearenv",
        "--setenv", "PATH", "/opt/java/bin:/usr/bin", "--"));
    config.get("config").get("Entrypoint").forEach(part -> command.add(part.asText()));
    command.addAll(List.of("grade", "submission", "-o", "out", "--require-isolation", "os"));

    // when
    Process grader = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(grader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    // then
    assertThat(grader.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(grader.exitValue()).as(said).isZero();
    assertThat(said).contains("Isolation: os").contains("Total                      100 / 100");
    assertThat(data.resolve("out/results.json")).exists();
  }

  /** Unpacks a tar (gzipped when {@code gzip}) with the system's tar; returns the names it held. */
  private static List<String> untar(Path tar, Path into, boolean gzip) throws Exception {
    Process listing = new ProcessBuilder("tar", gzip ? "-tzf" : "-tf", tar.toString()).start();
    List<String> names;
    try (InputStream out = listing.getInputStream()) {
      names = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(name -> name.replaceFirst("^\\./", "").replaceFirst("^/", ""))
          .toList();
    }
    Process unpack = new ProcessBuilder("tar", gzip ? "-xzf" : "-xf", tar.toString(), "-C", into.toString())
        .redirectErrorStream(true).start();
    String said = new String(unpack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(listing.waitFor()).isZero();
    assertThat(unpack.waitFor()).as(said).isZero();
    return names;
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
  }
}
