package dev.awskit.grader.worker.later;

import dev.awskit.grader.hidden.TimeLimitExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stands in for the hidden tests of a question in a package of its own, which a worker's launch
 * runs after the questions of {@code dev.awskit.grader.worker}; counts how often its test runs.
 */
@ExtendWith(TimeLimitExtension.class)
public final class LaterQuestion {

  /** Counts the runs of the test. */
  public static final AtomicInteger RUNS = new AtomicInteger();

  @Test
  void counts() {
    RUNS.incrementAndGet();
  }
}
