package dev.awskit.grader.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which folders of a submission are not looked into: build output, version-control and
 * IDE folders, and the metadata macOS adds to zips. Sources found there are copies or generated
 * code, and would clash with the real ones when compiled.
 */
final class SkipRules {

  private static final Set<String> BUILD_OUTPUT = Set.of("target", "build", "out", "bin");

  private SkipRules() {}

  /**
   * Returns why the folder named {@code name} is skipped, or empty when it is read.
   *
   * <p>Hidden folders (their name starts with a dot, like {@code .git} or {@code .idea}),
   * {@code __MACOSX} and the build output folders {@code target}, {@code build}, {@code out} and
   * {@code bin} are skipped.
   */
  static Optional<String> skippedFolder(String name) {
    if (name.startsWith(".")) {
      return Optional.of("a hidden folder");
    }
    if (name.equals("__MACOSX")) {
      return Optional.of("macOS metadata");
    }
    if (BUILD_OUTPUT.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of("build output");
    }
    return Optional.empty();
  }

  /**
   * Returns the first skipped folder on the way to a file, as the prefix of its path and the
   * reason, or empty when the file is read.
   */
  static Optional<String> skippedPrefix(EntryPath path) {
    List<String> segments = path.segments();
    for (int i = 0; i < segments.size() - 1; i++) {
      Optional<String> reason = skippedFolder(segments.get(i));
      if (reason.isPresent()) {
        return Optional.of(
            String.join("/", segments.subList(0, i + 1)) + "/ (" + reason.get() + ")");
      }
    }
    return Optional.empty();
  }

  /** Returns whether a file is hidden, like the {@code ._Name.java} files macOS adds. */
  static boolean hiddenFile(EntryPath path) {
    return path.fileName().startsWith(".");
  }
}
