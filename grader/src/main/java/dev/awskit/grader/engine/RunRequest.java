package dev.awskit.grader.engine;

import java.util.List;
import java.util.Map;

/**
 * Asks a {@link SubmissionRunner} to run hidden tests against compiled submission classes.
 *
 * <p>Plain data (strings and numbers), so that it can be handed to a worker process as JSON.
 *
 * @param classRoots the submission's compiled classes: directories or jars
 * @param testClasses the binary names of the hidden test classes to run
 * @param timeLimitMillis the time limit of every test, in milliseconds
 * @param parameters further JUnit configuration parameters for the hidden tests
 * @param warmUpTypes interfaces the tests will mock (the AWS clients the contracts take): the
 *     runner mocks each once before any test starts, so that the one-time cost of preparing a
 *     large client interface for mocking does not count against the first test's time limit
 * @param freshWorker whether the tests must run in a worker JVM that has graded no other
 *     submission, and that grades none after it; a runner that runs tests in its own JVM ignores
 *     it
 */
public record RunRequest(
    List<String> classRoots,
    List<String> testClasses,
    long timeLimitMillis,
    Map<String, String> parameters,
    List<String> warmUpTypes,
    boolean freshWorker) {

  /** Creates a request; the lists and the map are copied. */
  public RunRequest {
    classRoots = List.copyOf(classRoots);
    testClasses = List.copyOf(testClasses);
    parameters = Map.copyOf(parameters);
    warmUpTypes = List.copyOf(warmUpTypes);
    if (timeLimitMillis < 1) {
      throw new IllegalArgumentException("The time limit must be at least 1 ms");
    }
  }

  /** Creates a request whose tests may run in a worker that graded other submissions. */
  public RunRequest(
      List<String> classRoots,
      List<String> testClasses,
      long timeLimitMillis,
      Map<String, String> parameters,
      List<String> warmUpTypes) {
    this(classRoots, testClasses, timeLimitMillis, parameters, warmUpTypes, false);
  }
}
