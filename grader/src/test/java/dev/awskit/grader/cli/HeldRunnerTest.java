package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.TestEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Proves that a batch's runs of code under grading wait for the copies, and nothing else does. */
class HeldRunnerTest {

  private final RunRequest request =
      new RunRequest(List.of(), List.of("q01.Test"), 1000, Map.of(), List.of(), false);
  private final List<String> calls = new ArrayList<>();
  private final SubmissionRunner recording =
      new SubmissionRunner() {
        @Override
        public void run(RunRequest request, Consumer<TestEvent> events) {
          calls.add("run");
        }

        @Override
        public void prepare(RunRequest rehearsal) {
          calls.add("prepare");
        }
      };

  @Test
  @DisplayName("a worker gets ready before the copies are taken")
  void preparesAtOnce() {
    // given
    SubmissionGrading.HeldRunner held =
        new SubmissionGrading.HeldRunner(recording, new CompletableFuture<Void>());

    // when
    held.prepare(request);

    // then
    assertThat(calls).containsExactly("prepare");
  }

  @Test
  @DisplayName("a run interrupted while it waits for the copies runs nothing and stays interrupted")
  void runWaitsForTheCopies() {
    // given
    SubmissionGrading.HeldRunner held =
        new SubmissionGrading.HeldRunner(recording, new CompletableFuture<Void>());
    Thread.currentThread().interrupt();

    // when
    held.run(request, event -> {});

    // then
    assertThat(Thread.interrupted()).as("whether the interrupt is kept").isTrue();
    assertThat(calls).isEmpty();
  }

  @Test
  @DisplayName("once the copies are taken, a run goes to the runner")
  void runsOnceTheCopiesAreTaken() {
    // given
    SubmissionGrading.HeldRunner held =
        new SubmissionGrading.HeldRunner(recording, CompletableFuture.completedFuture(null));

    // when
    held.run(request, event -> {});

    // then
    assertThat(calls).containsExactly("run");
  }
}
