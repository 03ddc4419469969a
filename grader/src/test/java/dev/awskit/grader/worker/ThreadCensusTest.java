package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.hidden.TimeLimitExtension;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadCensusTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private Thread waiting;

  @AfterEach
  void endThread() throws InterruptedException {
    release.countDown();
    if (waiting != null) {
      waiting.join();
    }
  }

  @Test
  void leavesTheHiddenTestsKeptThreadOutOfTheThreadsAJobStartsWith() {
    // given
    Thread kept = startWaiting(TimeLimitExtension.THREAD_NAME);

    // when
    var settled = ThreadCensus.settled();

    // then
    assertThat(ThreadCensus.alive()).contains(kept);
    assertThat(settled).doesNotContain(kept).contains(Thread.currentThread());
  }

  @Test
  void keepsEveryOtherThreadInTheThreadsAJobStartsWith() {
    // given
    Thread other = startWaiting("pool-1-thread-1");

    // when
    var settled = ThreadCensus.settled();

    // then
    assertThat(settled).contains(other);
  }

  private Thread startWaiting(String name) {
    waiting =
        new Thread(
            () -> {
              try {
                release.await();
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    waiting.setDaemon(true);
    waiting.start();
    return waiting;
  }
}
