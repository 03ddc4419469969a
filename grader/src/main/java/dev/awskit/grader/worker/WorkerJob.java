package dev.awskit.grader.worker;

import dev.awskit.grader.engine.RunRequest;
import java.util.List;

/**
 * Asks a worker JVM to run hidden tests: one question's test classes, sent as one JSON line.
 *
 * @param request what to run, against which classes, under which time limit
 * @param skipTests identifiers of tests of those classes that already ran in a worker that has
 *     since been replaced, so not to run again
 * @param rehearsal whether this is the worker's first job, sent before any submission: it runs the
 *     tests with no submission to load and compile their code, reports only its end, and the
 *     worker takes the state it leaves as the one later jobs must keep
 */
record WorkerJob(RunRequest request, List<String> skipTests, boolean rehearsal) {

  /** Copies the list. */
  WorkerJob {
    skipTests = List.copyOf(skipTests);
  }

  /** Creates a job that runs tests for a submission. */
  WorkerJob(RunRequest request, List<String> skipTests) {
    this(request, skipTests, false);
  }
}
