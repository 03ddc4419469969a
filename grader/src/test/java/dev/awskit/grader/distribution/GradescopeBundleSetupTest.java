package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Gradescope bundle's {@code setup.sh} with stand-ins for every tool it calls, on a PATH
 * of those stand-ins only: nothing is installed or removed on this machine, and the tools this
 * machine happens to have (a JDK, bwrap) do not change the outcome.
 */
class GradescopeBundleSetupTest {

  @TempDir Path temp;

  @Test
  void installsNothingWhenTheJdkBubblewrapAndUtilLinuxAreThere() throws Exception {
    // given
    Path bin = standInTools("17.0.9", "bwrap", "setpriv", "prlimit");

    // when
    StandIns.Run run = runSetup(bin);

    // then
    assertThat(run.exitCode()).as(run.log()).isZero();
    assertThat(run.log())
        .contains("JDK 17 is already installed", "Nothing to install")
        .doesNotContain("apt-get was called");
    assertThat(run.log())
        .as("the autograder's files, hidden tests included, made root's alone")
        .containsPattern("chmod was called with -R go-rwx /\\S*setup");
    assertThat(run.log())
        .as("the grader's cache made last, after the permissions are set")
        .containsPattern(
            "(?s)chmod was called with -R go-rwx .*java was called with -jar /\\S*setup/grader/"
                + GradescopeBundle.GRADER_JAR
                + " prepare");
  }

  @Test
  void installsBubblewrapBesideAJdkThatIsThere() throws Exception {
    // given
    Path bin = standInTools("21.0.2", "setpriv", "prlimit");

    // when
    StandIns.Run run = runSetup(bin);

    // then
    assertThat(run.exitCode()).as(run.log()).isZero();
    assertThat(run.log())
        .contains("apt-get was called with update")
        .contains("apt-get was called with install -y --no-install-recommends bubblewrap\n");
  }

  @Test
  void installsTheJdkBubblewrapAndUtilLinuxThroughAptWhenTheyAreMissing() throws Exception {
    // given
    Path bin = standInTools("11.0.20");

    // when
    StandIns.Run run = runSetup(bin);

    // then
    assertThat(run.exitCode()).as(run.log()).isZero();
    assertThat(run.log())
        .contains(
            "apt-get was called with install -y --no-install-recommends"
                + " openjdk-17-jdk-headless bubblewrap util-linux\n")
        .contains("rm was called with -rf /var/lib/apt/lists/");
  }

  @Test
  void installsUtilLinuxWhenPrlimitIsMissing() throws Exception {
    // given
    Path bin = standInTools("17.0.9", "bwrap", "setpriv");

    // when
    StandIns.Run run = runSetup(bin);

    // then
    assertThat(run.log())
        .contains("apt-get was called with install -y --no-install-recommends util-linux\n");
  }

  private StandIns.Run runSetup(Path bin) throws Exception {
    Path zip = temp.resolve("autograder.zip");
    GradescopeBundle.write(StandIns.graderFolder(temp), zip, Optional.empty());
    Path source = Files.createDirectories(temp.resolve("setup"));
    ZipListing.extract(zip, source);
    return StandIns.run(
        List.of("bash", source.resolve("setup.sh").toString()), source, Map.of("PATH", bin.toString()));
  }

  /**
   * Writes a folder of stand-ins: javac of the version given, java, apt-get, rm and chmod (the
   * last four record their calls), the text tools the script needs, and an empty script for each
   * name in {@code present}.
   */
  private Path standInTools(String javacVersion, String... present) throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    StandIns.script(bin.resolve("javac"), "#!/bin/sh\necho 'javac " + javacVersion + "'\n");
    StandIns.script(bin.resolve("java"), "#!/bin/sh\necho \"java was called with $*\"\n");
    StandIns.script(bin.resolve("apt-get"), "#!/bin/sh\necho \"apt-get was called with $*\"\n");
    StandIns.script(bin.resolve("rm"), "#!/bin/sh\necho \"rm was called with $*\"\n");
    StandIns.script(bin.resolve("chmod"), "#!/bin/sh\necho \"chmod was called with $*\"\n");
    for (String tool : List.of("sed", "head")) {
      Path real =
          Stream.of("/usr/bin", "/bin")
              .map(folder -> Path.of(folder, tool))
              .filter(Files::isExecutable)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no " + tool + " in /usr/bin or /bin"));
      StandIns.script(bin.resolve(tool), "#!/bin/sh\nexec " + real + " \"$@\"\n");
    }
    for (String tool : present) {
      StandIns.script(bin.resolve(tool), "#!/bin/sh\n");
    }
    return bin;
  }
}
