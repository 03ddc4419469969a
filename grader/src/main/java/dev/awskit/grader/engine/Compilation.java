package dev.awskit.grader.engine;

import java.util.List;
import java.util.Map;

/**
 * Holds the result of compiling a submission.
 *
 * @param compiled how many files compiled
 * @param skipped files left out on purpose
 * @param problems files that did not compile
 * @param typesByQuestion the binary names of the top-level types declared in the files that
 *     compiled, by the question each file belongs to (files of no question left out)
 */
record Compilation(
    int compiled,
    List<SkippedFile> skipped,
    List<CompileProblem> problems,
    Map<Integer, List<String>> typesByQuestion) {

  /** Returns the compilation of a submission that was compiled already: nothing to report. */
  static Compilation none() {
    return new Compilation(0, List.of(), List.of(), Map.of());
  }
}
