package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Proves that whatever a javac task throws, or however long it takes, ends in a failure. */
class JavacThreadTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void taskStuckPastTheTimeLimitIsAbandoned() {
    // given: a task that never reaches javac's next event
    CountDownLatch stuck = new CountDownLatch(1);
    JavacThread thread = new JavacThread(Duration.ZERO, Duration.ZERO);

    // when
    JavacThread.Ending<Object> ending =
        thread.run(
            (log, watch) -> {
              try {
                stuck.await();
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
              return "never seen";
            });
    stuck.countDown();

    // then
    assertThat(ending)
        .isEqualTo(
            new JavacThread.Ending.Failed<>(
                new CompilerFailure(CompilerFailure.Kind.TIME, null, "")));
  }

  @Test
  void outOfMemoryIsAFailureOfTheTask() {
    // when
    JavacThread.Ending<Object> ending =
        new JavacThread(MINUTE, MINUTE)
            .run(
                (log, watch) -> {
                  throw new OutOfMemoryError("Java heap space");
                });

    // then
    assertThat(ending)
        .isEqualTo(
            new JavacThread.Ending.Failed<>(
                new CompilerFailure(CompilerFailure.Kind.MEMORY, null, "")));
  }

  @Test
  void internalErrorOfJavacIsNamed() {
    // when
    JavacThread.Ending<Object> ending =
        new JavacThread(MINUTE, MINUTE)
            .run(
                (log, watch) -> {
                  throw new IllegalStateException("javac lost its way");
                });

    // then
    assertThat(ending)
        .isEqualTo(
            new JavacThread.Ending.Failed<>(
                new CompilerFailure(
                    CompilerFailure.Kind.INTERNAL,
                    null,
                    "java.lang.IllegalStateException: javac lost its way")));
  }

  @Test
  void abnormalEndIsToldFromWhatJavacPrinted() {
    // given: javac catches what it throws, prints it and returns false from call()
    BiFunction<Writer, TaskListener, Object> printing =
        (log, watch) -> {
          try {
            log.write("An exception has occurred in the compiler (17).\n"
                + "java.lang.StackOverflowError\n\tat Attr.visitBinary(Attr.java:4015)\n");
          } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
          }
          throw new JavacThread.EndedAbnormally();
        };

    // when
    JavacThread.Ending<Object> ending = new JavacThread(MINUTE, MINUTE).run(printing);

    // then
    assertThat(ending)
        .isEqualTo(
            new JavacThread.Ending.Failed<>(
                new CompilerFailure(CompilerFailure.Kind.STACK, null, "")));
  }
}
