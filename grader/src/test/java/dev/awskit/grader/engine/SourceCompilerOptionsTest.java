package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks which Java API submissions compile against, whatever JDK runs the grader. */
class SourceCompilerOptionsTest {

  @Test
  void onTheReleasesOwnJdkCompilesAgainstItsPlatformClasses() {
    // when
    var options = SourceCompiler.options(SourceCompiler.RELEASE);

    // then
    assertThat(options).doesNotContain("--release").contains("-proc:none", "-implicit:none");
  }

  @Test
  void onANewerJdkKeepsTheApiToTheRelease() {
    // when
    var options = SourceCompiler.options(SourceCompiler.RELEASE + 4);

    // then
    assertThat(options).containsSequence("--release", String.valueOf(SourceCompiler.RELEASE));
  }
}
