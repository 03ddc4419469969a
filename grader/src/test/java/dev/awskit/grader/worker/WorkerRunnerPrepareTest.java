package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.RunRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Proves that workers started ahead keep to the cap when graders announce runs at once. */
class WorkerRunnerPrepareTest {

  private static final RunRequest REHEARSAL =
      new RunRequest(List.of(), List.of("x.q01.Alpha"), 100, Map.of(), List.of());

  @Test
  void gradersAnnouncingRunsAtOnceStartOneWorkerUnderACapOfOne() throws InterruptedException {
    // given: a cap of one worker, and two graders about to announce a run each
    WorkerSettings oneWorker =
        new WorkerSettings(64, 512, 1024, Duration.ofSeconds(30), Duration.ofMillis(300), 2, 5, 1);
    try (WorkerRunner runner =
        new WorkerRunner(oneWorker, System::nanoTime, FakeWorkers.PassesAndLies.class.getName())) {
      runner.isolation(); // the probe's worker is not one started ahead
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> graders =
          List.of(announcer(runner, go), announcer(runner, go));
      graders.forEach(Thread::start);

      // when
      go.countDown();
      for (Thread grader : graders) {
        grader.join();
      }

      // then: a second worker would take turns with the first, and neither would warm up
      assertThat(runner.workersStarted()).as("workers started ahead").isEqualTo(1);
      assertThat(runner.idleWorkers()).as("workers waiting for a run").isEqualTo(1);
    }
  }

  private static Thread announcer(WorkerRunner runner, CountDownLatch go) {
    return new Thread(
        () -> {
          try {
            go.await();
            runner.prepare(REHEARSAL);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        });
  }
}
