package dev.awskit.grader.hidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;

/** Proves that a watch runs methods inline and enforces their limits from the watching thread. */
class TestWatchTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final Duration GRACE = Duration.ofMillis(250);

  private final AtomicLong now = new AtomicLong();
  private final TestWatch watch = new TestWatch(GRACE, now::get);

  @Test
  @DisplayName("a method runs on the calling thread, which gets its settings back afterwards")
  void runsInlineAndPutsTheThreadsSettingsBack() throws Throwable {
    // given
    Thread self = Thread.currentThread();
    String name = self.getName();
    int priority = self.getPriority();
    ClassLoader loader = self.getContextClassLoader();

    // when
    Thread ranOn =
        watch.run(
            () -> {
              Thread current = Thread.currentThread();
              current.setName("renamed by the submission");
              current.setPriority(Thread.MIN_PRIORITY);
              current.setContextClassLoader(null);
              current.interrupt();
              return current;
            },
            LIMIT);

    // then
    assertThat(ranOn).isSameAs(self);
    assertThat(self.getName()).isEqualTo(name);
    assertThat(self.getPriority()).isEqualTo(priority);
    assertThat(self.getContextClassLoader()).isSameAs(loader);
    assertThat(Thread.interrupted()).as("an interrupt left pending").isFalse();
  }

  @Test
  @DisplayName("a method within its limit is left alone, and what it throws passes unchanged")
  void aMethodWithinItsLimitIsLeftAlone() {
    // given
    IllegalStateException thrown = new IllegalStateException("the submission's own failure");

    // when
    now.addAndGet(LIMIT.toNanos() - 1);

    // then
    assertThat(watch.check()).isEmpty();
    assertThatThrownBy(
            () ->
                watch.run(
                    () -> {
                      now.addAndGet(LIMIT.toNanos() - 1);
                      assertThat(watch.check()).isEmpty();
                      throw thrown;
                    },
                    LIMIT))
        .isSameAs(thrown);
  }

  @Test
  @DisplayName("a method past its limit is interrupted, and fails saying where it was")
  void aMethodPastItsLimitIsInterruptedAndFails() throws Exception {
    // given a method that waits, as a submission's code may, until interrupted
    CountDownLatch entered = new CountDownLatch(1);
    CompletableFuture<Object> outcome = runOnThreadOfItsOwn(() -> {
      entered.countDown();
      new CountDownLatch(1).await();
      return null;
    });
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    // when
    now.addAndGet(LIMIT.toNanos());
    assertThat(watch.check()).as("stuck at once").isEmpty();

    // then
    Throwable failure = failureOf(outcome);
    assertThat(failure)
        .isInstanceOf(TimeLimitExceeded.class)
        .hasMessage("The method did not finish within 5000 ms");
    assertThat(failure.getCause().getStackTrace())
        .as("where the method was when its limit passed")
        .anySatisfy(
            frame ->
                assertThat(frame.getMethodName())
                    .contains("aMethodPastItsLimitIsInterruptedAndFails"));
  }

  @Test
  @DisplayName("a method that ignores the interrupt is stuck once the grace has passed too")
  void aMethodThatIgnoresTheInterruptIsStuck() throws Exception {
    // given a method that carries on through an interrupt until released
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean released = new AtomicBoolean();
    CompletableFuture<Object> outcome = runOnThreadOfItsOwn(() -> {
      entered.countDown();
      while (!released.get()) {
        Thread.onSpinWait();
      }
      return "done";
    });
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    now.addAndGet(LIMIT.toNanos());
    assertThat(watch.check()).isEmpty();
    now.addAndGet(GRACE.toNanos() - 1);
    assertThat(watch.check()).as("stuck before the grace has passed").isEmpty();

    // when
    now.addAndGet(1);
    var stuck = watch.check();

    // then
    assertThat(stuck).isPresent();
    assertThat(stuck.get().limit()).isEqualTo(LIMIT);
    assertThat(stuck.get().thread().getName()).isEqualTo("watched");
    assertThat(stuck.get().failure()).isInstanceOf(TimeLimitExceeded.class);
    released.set(true);
    assertThat(failureOf(outcome)).isInstanceOf(TimeLimitExceeded.class);
  }

  private CompletableFuture<Object> runOnThreadOfItsOwn(Invocation<Object> invocation) {
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                outcome.complete(watch.run(invocation, LIMIT));
              } catch (Throwable thrown) {
                outcome.completeExceptionally(thrown);
              }
            },
            "watched");
    thread.setDaemon(true);
    thread.start();
    return outcome;
  }

  private static Throwable failureOf(CompletableFuture<Object> outcome) throws Exception {
    try {
      outcome.get(30, TimeUnit.SECONDS);
      throw new AssertionError("The method did not fail");
    } catch (ExecutionException failed) {
      return failed.getCause();
    }
  }
}
