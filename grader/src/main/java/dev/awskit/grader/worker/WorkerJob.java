package dev.awskit.grader.worker;

import dev.awskit.grader.engine.RunRequest;
import java.util.List;

/**
 * Asks a worker JVM to run hidden tests: one question's test classes, sent as one JSON line.
 *
 * @param request what to run, against which classes, under which time limit
 * @param skipTests identifiers of tests of those classes that already ran in a worker that has
 *     since been replaced, so not to run again
 */
record WorkerJob(RunRequest request, List<String> skipTests) {

  /** Copies the list. */
  WorkerJob {
    skipTests = List.copyOf(skipTests);
  }
}
