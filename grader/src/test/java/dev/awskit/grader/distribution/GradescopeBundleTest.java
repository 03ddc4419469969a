package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Gradescope bundle's layout and what it refuses to pack; {@link RunAutograderTest}
 * checks its script, and {@code GradescopeBundleIT} runs the real grader from it.
 */
class GradescopeBundleTest {

  @TempDir Path temp;
  private Path graderFolder;

  @BeforeEach
  void buildAStandInGraderFolder() throws IOException {
    graderFolder = StandIns.graderFolder(temp);
  }

  @Test
  void holdsTheScriptsTheGraderItsLibrariesAndThePolicy() throws IOException {
    // given
    Path policy = Files.writeString(temp.resolve("grading-policy.yaml"), "tiers: {}\n");
    Path zip = temp.resolve("out/autograder.zip");

    // when
    WrittenArchive written = GradescopeBundle.write(graderFolder, zip, Optional.of(policy));

    // then
    Map<String, ZipListing.Entry> entries =
        ZipListing.entries(zip).stream()
            .filter(entry -> !entry.isDirectory())
            .collect(Collectors.toMap(ZipListing.Entry::name, entry -> entry));
    assertThat(entries.keySet())
        .containsExactlyInAnyOrder(
            "setup.sh",
            "run_autograder",
            "grader/awskit-grader.jar",
            "grader/lib/picocli.jar",
            "grader/lib/exercises.jar",
            "policy/grading-policy.yaml");
    assertThat(written.entries()).containsExactlyInAnyOrderElementsOf(entries.keySet());
    assertThat(entries.get("setup.sh").unixMode()).isEqualTo(0755);
    assertThat(entries.get("run_autograder").unixMode()).isEqualTo(0755);
    assertThat(entries.get("grader/awskit-grader.jar").isExecutable()).isFalse();
    assertThat(ZipListing.read(zip, "run_autograder"))
        .contains("PACKED_POLICY=\"policy/grading-policy.yaml\"");
  }

  @Test
  void leavesTheReferenceSolutionOut() throws IOException {
    // given: a second library holds reference classes under a name that does not say so
    StandIns.jar(
        graderFolder.resolve("lib/exercises.jar"),
        null,
        "dev/awskit/solutions/q02/CredentialChainExplainer.class");
    Path zip = temp.resolve("autograder.zip");

    // when
    GradescopeBundle.write(graderFolder, zip, Optional.empty());

    // then
    assertThat(ZipListing.fileNames(zip))
        .contains("grader/lib/picocli.jar")
        .noneMatch(name -> name.contains("solutions"))
        .noneMatch(name -> name.startsWith("policy/"));
    assertThat(ZipListing.entriesUnder(zip, "dev/awskit/solutions/")).isEmpty();
  }

  @Test
  void leavesJplagOutForItsLicence() throws IOException {
    // given: the class path's exercises jar is, here, a JPlag module under another name
    StandIns.jar(graderFolder.resolve("lib/exercises.jar"), null, "de/jplag/java/JavaLanguage.class");
    Path zip = temp.resolve("autograder.zip");

    // when
    GradescopeBundle.write(graderFolder, zip, Optional.empty());

    // then
    assertThat(ZipListing.fileNames(zip))
        .contains("grader/lib/picocli.jar")
        .doesNotContain("grader/lib/exercises.jar");
  }

  @Test
  void refusesAFolderWithoutTheGraderJar() {
    assertThatThrownBy(
            () -> GradescopeBundle.write(temp, temp.resolve("autograder.zip"), Optional.empty()))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("No awskit-grader.jar in");
  }

  @Test
  void refusesAGraderJarWhoseLibrariesAreMissing() throws IOException {
    // given
    Files.delete(graderFolder.resolve("lib/picocli.jar"));

    // when, then
    assertThatThrownBy(
            () ->
                GradescopeBundle.write(
                    graderFolder, temp.resolve("autograder.zip"), Optional.empty()))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("lib/picocli.jar");
  }

  @Test
  void refusesAJarThatCannotRun() throws IOException {
    // given
    Manifest plain = new Manifest();
    plain.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream out =
            Files.newOutputStream(graderFolder.resolve(GradescopeBundle.GRADER_JAR));
        JarOutputStream jar = new JarOutputStream(out, plain)) {
      jar.putNextEntry(new JarEntry("dev/awskit/grader/cli/Main.class"));
    }

    // when, then
    assertThatThrownBy(
            () ->
                GradescopeBundle.write(
                    graderFolder, temp.resolve("autograder.zip"), Optional.empty()))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("names no Main-Class");
  }

  @Test
  void refusesAMissingPolicyFile() {
    Optional<Path> policy = Optional.of(temp.resolve("nowhere.yaml"));
    assertThatThrownBy(
            () -> GradescopeBundle.write(graderFolder, temp.resolve("autograder.zip"), policy))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("nowhere.yaml does not exist");
  }
}
