package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks which Java API submissions compile against, whatever JDK runs the grader. */
class JavacOptionsTest {

  @Test
  void onTheReleasesOwnJdkCompilesAgainstItsPlatformClasses() {
    // when
    var options = JavacOptions.forJdk(JavacOptions.RELEASE);

    // then
    assertThat(options).doesNotContain("--release").contains("-proc:none", "-implicit:none");
  }

  @Test
  void onANewerJdkKeepsTheApiToTheRelease() {
    // when
    var options = JavacOptions.forJdk(JavacOptions.RELEASE + 4);

    // then
    assertThat(options).containsSequence("--release", String.valueOf(JavacOptions.RELEASE));
  }
}
