package dev.awskit.grader.engine;

import java.util.function.Consumer;

/**
 * Runs hidden tests against a compiled submission and reports each test as it ends.
 *
 * <p>The engine talks to the run step only through this interface and plain data ({@link
 * RunRequest} in, {@link TestEvent}s out), so that the run can move into a separate worker JVM
 * without changing how results are scored or reported.
 */
public interface SubmissionRunner {

  /**
   * Runs the requested hidden tests and hands every event to {@code events}, in order.
   *
   * <p>Tests that the run never reports count as not run; a runner never throws because of what a
   * submission does.
   */
  void run(RunRequest request, Consumer<TestEvent> events);

  /**
   * Tells the runner that a run is coming, so that it can get ready while the grader compiles and
   * vets the submission; a runner may ignore it. A worker runner starts a worker JVM that prepares
   * the mocks of the rehearsal's {@link RunRequest#warmUpTypes()} and runs its tests once with no
   * submission at all, so that their code and the libraries' are loaded and compiled before the
   * submission's run begins.
   *
   * @param rehearsal every test the run may ask for, with no class roots, the run's time limit,
   *     parameters and {@link RunRequest#freshWorker()}
   */
  default void prepare(RunRequest rehearsal) {}

  /**
   * Returns how this runner keeps the code it runs apart from the grader; a runner that has to
   * probe the machine does it once, on the first call.
   */
  default Isolation isolation() {
    return Isolation.none();
  }

  /**
   * Returns how many runs of submissions that may share a worker go on at once, at most; the
   * others wait for their turn. Graders need no more compilers than that ({@link CompilerPool}).
   */
  default int runsAtOnce() {
    return Integer.MAX_VALUE;
  }

  /** Returns the runner that runs the tests in this JVM. */
  static SubmissionRunner inProcess() {
    return new InProcessRunner();
  }
}
