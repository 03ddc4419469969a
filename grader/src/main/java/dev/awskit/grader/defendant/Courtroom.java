package dev.awskit.grader.defendant;

import java.util.List;

/**
 * Builds the submission's objects in the defendant: the first object the judge calls there.
 */
interface Courtroom {

  /**
   * Creates the submission's implementation of {@code contract} for the test class {@code scope},
   * whose classes are loaded from {@code roots} in a class loader of the scope's own.
   */
  Object create(String scope, List<String> roots, String contract, List<Object> arguments);

  /**
   * Answers once the defendant serves calls and has prepared the proxies of {@code types} (the
   * clients the tests will hand the submission), so that neither its start nor that work is
   * counted in a test's time.
   */
  boolean ready(List<String> types);

  /** Drops the class loader of {@code scope}, whose tests have ended. */
  void release(String scope);

  /**
   * Returns the threads that run or wait in the submission's code now, described, after giving
   * them a moment to end: called once a test class's tests have ended, when none should be left.
   */
  List<String> threadsLeft();
}
