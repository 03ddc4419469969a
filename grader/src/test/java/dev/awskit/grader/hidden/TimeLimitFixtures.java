package dev.awskit.grader.hidden;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fixture test classes of {@link TimeLimitExtensionTest} (not named *Test: Surefire must not run
 * them itself). Each method publishes the identifier of the thread it runs on.
 */
final class TimeLimitFixtures {

  private TimeLimitFixtures() {}

  static void publishThread(TestReporter reporter, String what) {
    reporter.publishEntry(what, String.valueOf(Thread.currentThread().getId()));
  }

  /** Methods that finish well within any limit. */
  @ExtendWith(TimeLimitExtension.class)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class Quick {

    @BeforeEach
    void prepare(TestReporter reporter) {
      publishThread(reporter, "before each");
    }

    @Test
    void first(TestReporter reporter) {
      publishThread(reporter, "test");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void second(int run, TestReporter reporter) {
      publishThread(reporter, "test");
    }
  }

  /** A method that waits for what never comes, then one that finishes at once. */
  @ExtendWith(TimeLimitExtension.class)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class OneWaitsForever {

    @Test
    void first(TestReporter reporter) throws InterruptedException {
      publishThread(reporter, "test");
      new CountDownLatch(1).await();
    }

    @Test
    void second(TestReporter reporter) {
      publishThread(reporter, "test");
    }
  }
}
