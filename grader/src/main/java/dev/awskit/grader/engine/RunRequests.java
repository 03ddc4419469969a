package dev.awskit.grader.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Builds the requests a grader hands its runner: the run of a submission's questions, and the
 * rehearsal a runner may hold before it.
 */
final class RunRequests {

  private final Catalog catalog;

  RunRequests(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Returns the request that runs, against the classes under {@code roots}, the hidden tests of
   * every question but those in {@code notRun} (questions that did not compile or were refused).
   */
  RunRequest forSubmission(List<Path> roots, Set<Integer> notRun, RunSettings settings) {
    return new RunRequest(
        roots.stream().map(Path::toString).toList(),
        testClasses(notRun),
        settings.timeLimit().toMillis(),
        settings.parameters(),
        warmUpTypes(notRun),
        settings.freshWorker());
  }

  /** Returns a request for every hidden test with no submission, for the runner to rehearse. */
  RunRequest rehearsal(RunSettings settings) {
    return forSubmission(List.of(), Set.of(), settings);
  }

  private List<String> testClasses(Set<Integer> notRun) {
    return catalog.questions().stream()
        .filter(question -> !notRun.contains(question.number()))
        .flatMap(question -> catalog.testClasses(question.number()).stream())
        .toList();
  }

  /** Lists the interfaces among the contracts' constructor parameters: the clients tests mock. */
  private List<String> warmUpTypes(Set<Integer> notRun) {
    return catalog.questions().stream()
        .filter(question -> !notRun.contains(question.number()))
        .flatMap(question -> question.constructorTypes().stream())
        .distinct()
        .toList();
  }
}
