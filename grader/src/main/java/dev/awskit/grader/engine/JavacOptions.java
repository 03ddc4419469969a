package dev.awskit.grader.engine;

import java.util.ArrayList;
import java.util.List;

/** Gives the options javac compiles submissions with. */
final class JavacOptions {

  /** The Java release whose API submissions compile against, as the student's pom sets it. */
  static final int RELEASE = 17;

  /**
   * Returns javac's options on a JDK of the given feature version. On a JDK of the {@link
   * #RELEASE} itself, its own platform classes are that release's API, and {@code --release}
   * would only make every task read the same API again from {@code ct.sym} (about a tenth of
   * javac's time in a batch); on any other JDK it keeps the API to the release's.
   */
  static List<String> forJdk(int jdkFeature) {
    List<String> options = new ArrayList<>();
    if (jdkFeature != RELEASE) {
      options.addAll(List.of("--release", String.valueOf(RELEASE)));
    }
    options.addAll(List.of("-proc:none", "-implicit:none", "-g", "-nowarn", "-Xmaxerrs", "500"));
    return List.copyOf(options);
  }

  private JavacOptions() {}
}
