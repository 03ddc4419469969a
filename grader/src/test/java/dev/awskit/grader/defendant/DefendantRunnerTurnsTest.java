package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.RunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Checks that a runner runs no more submissions' tests at once than the judge's heap holds: they
 * run in the grader's JVM, and a batch with more jobs than that once ran it out of heap.
 */
class DefendantRunnerTurnsTest {

  private static final long MEBIBYTE = 1024L * 1024;

  /** A test for the runs to run: it asks for no submission, so only the runner's turns matter. */
  static class AsksForNoSubmission {
    @Test
    void passes() {}
  }

  @Test
  void theGradersRecommendedHeapHoldsSixRunsAtOnce() {
    // when
    int runs = new DefendantRunner(roots -> null, 256 * MEBIBYTE).runsAtOnce();

    // then
    assertThat(runs).isEqualTo(6);
    assertThat(new DefendantRunner(roots -> null, 8 * MEBIBYTE).runsAtOnce())
        .as("a heap smaller than one run's share")
        .isEqualTo(1);
  }

  @Test
  void aHeapThatHoldsOneRunMakesTheSecondSubmissionWaitForTheFirst() throws Exception {
    // when
    int most = mostRunsAtOnce(DefendantRunner.HEAP_PER_RUN);

    // then
    assertThat(most).as("runs in the judge at once, with room for one").isEqualTo(1);
  }

  @Test
  void aHeapThatHoldsTwoRunsLetsTwoSubmissionsRunTogether() throws Exception {
    // when
    int most = mostRunsAtOnce(2 * DefendantRunner.HEAP_PER_RUN);

    // then
    assertThat(most).as("runs in the judge at once, with room for two").isEqualTo(2);
  }

  /**
   * Runs two submissions on two threads and returns how many were in the runner at once, at most:
   * the first run's defendant waits up to a second for the second run's to start, which it can
   * only when the runner lets both run together. No defendant starts: the starter notes who came
   * and refuses, and the test asks for no submission.
   */
  private static int mostRunsAtOnce(long heapBytes) throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicBoolean first = new AtomicBoolean(true);
    CountDownLatch secondCame = new CountDownLatch(1);
    DefendantStarter noting =
        roots -> {
          int now = inside.incrementAndGet();
          most.accumulateAndGet(now, Math::max);
          try {
            if (first.getAndSet(false)) {
              secondCame.await(1, TimeUnit.SECONDS);
            } else {
              secondCame.countDown();
            }
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          } finally {
            inside.decrementAndGet();
          }
          throw new IllegalStateException("No defendant starts in this test");
        };
    DefendantRunner runner = new DefendantRunner(noting, heapBytes);
    RunRequest request =
        new RunRequest(
            List.of(), List.of(AsksForNoSubmission.class.getName()), 5_000, Map.of(), List.of());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        runs.add(threads.submit(() -> runner.run(request, event -> {})));
      }
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    return most.get();
  }
}
