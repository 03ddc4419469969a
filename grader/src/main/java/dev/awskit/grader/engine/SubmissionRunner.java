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

  /** Returns the runner that runs the tests in this JVM. */
  static SubmissionRunner inProcess() {
    return new InProcessRunner();
  }
}
