package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.hidden.TimeLimitExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs jobs through a worker's session in this JVM and reads what it sends the grader. */
class WorkerSessionTest {

  private final Frames frames = new Frames("nonce-of-the-test");
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private final WorkerSession session =
      new WorkerSession(
          frames,
          new PrintStream(sent, true, StandardCharsets.UTF_8),
          new CapturedOutput(1024),
          WorkerSessionTest.class.getClassLoader());

  @Test
  void rehearsalRunsEveryTestOnceAndReportsOnlyThatItEndedClean() throws Exception {
    // given
    Rehearsed.RUNS.set(0);
    RunRequest everyTest =
        new RunRequest(List.of(), List.of(Rehearsed.class.getName()), 5_000, Map.of(), List.of());

    // when
    boolean clean = session.run(frames.job(new WorkerJob(everyTest, List.of(), true)));

    // then
    assertThat(clean).isTrue();
    assertThat(Rehearsed.RUNS).hasValue(2);
    assertThat(messages()).containsExactly(new WorkerMessage.Done(true, ""));
  }

  @Test
  void jobAfterTheRehearsalReportsItsTests() throws Exception {
    // given
    RunRequest everyTest =
        new RunRequest(List.of(), List.of(Rehearsed.class.getName()), 5_000, Map.of(), List.of());
    session.run(frames.job(new WorkerJob(everyTest, List.of(), true)));
    sent.reset();

    // when
    boolean clean = session.run(frames.job(new WorkerJob(everyTest, List.of())));

    // then
    assertThat(clean).isTrue();
    assertThat(messages())
        .filteredOn(WorkerMessage.Invoked.class::isInstance)
        .hasSize(2);
    assertThat(messages()).last().isEqualTo(new WorkerMessage.Done(true, ""));
  }

  @Test
  void rehearsalWhoseTestRunsPastItsTimeLimitEndsTheWorker() throws Exception {
    // given: a time limit of 100 ms, which the test outlives on its own thread
    RunRequest threadLeft =
        new RunRequest(List.of(), List.of(LeavesAThread.class.getName()), 100, Map.of(), List.of());

    // when
    boolean clean;
    try {
      clean = session.run(frames.job(new WorkerJob(threadLeft, List.of(), true)));
    } finally {
      LeavesAThread.RELEASE.countDown();
    }

    // then
    assertThat(clean).isFalse();
    assertThat(messages())
        .singleElement()
        .isInstanceOfSatisfying(
            WorkerMessage.Done.class,
            done -> {
              assertThat(done.clean()).isFalse();
              assertThat(done.reason()).startsWith("The rehearsal left threads running");
            });
  }

  private List<WorkerMessage> messages() {
    return sent.toString(StandardCharsets.UTF_8).lines()
        .map(frames::read)
        .flatMap(Optional::stream)
        .toList();
  }

  /** Stands in for a hidden test class: counts how often its tests run. */
  @ExtendWith(TimeLimitExtension.class)
  static final class Rehearsed {

    static final AtomicInteger RUNS = new AtomicInteger();

    @org.junit.jupiter.api.Test
    void first() {
      RUNS.incrementAndGet();
    }

    @org.junit.jupiter.api.Test
    void second() {
      RUNS.incrementAndGet();
    }
  }

  /** Stands in for a hidden test class whose test cannot be stopped at its time limit. */
  @ExtendWith(TimeLimitExtension.class)
  static final class LeavesAThread {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @org.junit.jupiter.api.Test
    void waitsPastItsTimeLimit() {
      while (RELEASE.getCount() > 0) {
        try {
          RELEASE.await();
        } catch (InterruptedException ignored) {
          // What a test stuck in code that ignores interrupts does.
        }
      }
    }
  }
}
