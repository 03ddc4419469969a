package dev.awskit.grader.hidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;

class TestThreadTest {

  private static final Duration AMPLE = Duration.ofSeconds(30);
  private final ClassLoader loader = getClass().getClassLoader();
  private final TestThread testThread = new TestThread("kept", loader);

  @AfterEach
  void endThread() {
    testThread.close();
  }

  @Test
  void waitsForTheNextMethodUnderItsOwnNameWhateverAMethodRenamedItTo() throws Throwable {
    // given
    Thread renamed =
        testThread.run(
            () -> {
              Thread.currentThread().setName("main");
              return Thread.currentThread();
            },
            AMPLE);

    // when
    String idleName = renamed.getName();

    // then
    assertThat(idleName).isEqualTo("kept");
  }

  @Test
  void runsEveryMethodOnTheOneThreadItKeeps() throws Throwable {
    // given
    Thread first = testThread.run(() -> Thread.currentThread(), AMPLE);

    // when
    Thread second = testThread.run(() -> Thread.currentThread(), AMPLE);

    // then
    assertThat(second).isSameAs(first).isNotSameAs(Thread.currentThread());
    assertThat(first.getName()).isEqualTo("kept");
    assertThat(first.isDaemon()).isTrue();
  }

  @Test
  void passesOnWhatTheMethodThrowsUnchanged() {
    // given
    IllegalStateException own = new IllegalStateException("the method's own failure");
    AssertionError failed = new AssertionError("a failed check");
    Throwable neither = new Throwable("neither an exception nor an error");

    // when / then
    assertThatThrownBy(() -> testThread.run(() -> { throw own; }, AMPLE)).isSameAs(own);
    assertThatThrownBy(() -> testThread.run(() -> { throw failed; }, AMPLE)).isSameAs(failed);
    assertThatThrownBy(() -> testThread.run(() -> { throw neither; }, AMPLE)).isSameAs(neither);
  }

  @Test
  void startsEveryMethodOnAThreadAsItWasFirst() throws Throwable {
    // given a method that changes its thread's settings and leaves an interrupt pending
    testThread.run(
        () -> {
          Thread self = Thread.currentThread();
          self.setName("renamed by a test");
          self.setPriority(Thread.MIN_PRIORITY);
          self.setContextClassLoader(null);
          self.setUncaughtExceptionHandler((thread, thrown) -> {});
          self.interrupt();
          return null;
        },
        AMPLE);

    // when
    String seen =
        testThread.run(
            () -> {
              Thread self = Thread.currentThread();
              return self.getName() + ", priority " + self.getPriority()
                  + ", loader " + (self.getContextClassLoader() == loader)
                  + ", own handler " + (self.getUncaughtExceptionHandler() != self.getThreadGroup())
                  + ", interrupted " + self.isInterrupted();
            },
            AMPLE);

    // then
    assertThat(seen)
        .isEqualTo("kept, priority 5, loader true, own handler false, interrupted false");
  }

  @Test
  void failsAMethodPastTheLimitAndLeavesItsThreadBehindUnderANameOfItsOwn() throws Throwable {
    // given a method that waits for what never comes, until it is interrupted
    AtomicReference<Thread> waiter = new AtomicReference<>();
    CountDownLatch never = new CountDownLatch(1);
    Invocation<Void> waiting =
        () -> {
          waiter.set(Thread.currentThread());
          never.await();
          return null;
        };

    // when
    Throwable thrown = catchThrowable(() -> testThread.run(waiting, Duration.ofMillis(50)));

    // then it fails as past its limit, showing where it was waiting
    assertThat(thrown)
        .isInstanceOf(TimeLimitExceeded.class)
        .hasMessage("The method did not finish within 50 ms")
        .cause()
        .isInstanceOf(TimeoutException.class);
    assertThat(thrown.getCause().getStackTrace())
        .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("await"));
    // its thread is renamed for a census, and ends once the interrupt reaches it
    assertThat(waiter.get().getName())
        .startsWith(TimeLimitExtension.ABANDONED_THREAD_PREFIX);
    waiter.get().join(TimeUnit.SECONDS.toMillis(30));
    assertThat(waiter.get().isAlive()).isFalse();
    // and the next method gets a new thread
    Thread next = testThread.run(() -> Thread.currentThread(), AMPLE);
    assertThat(next).isNotSameAs(waiter.get());
    assertThat(next.getName()).isEqualTo("kept");
  }

  @Test
  void endsItsThreadWhenClosed() throws Throwable {
    // given
    Thread kept = testThread.run(() -> Thread.currentThread(), AMPLE);

    // when
    testThread.close();

    // then
    kept.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(kept.isAlive()).isFalse();
  }
}
