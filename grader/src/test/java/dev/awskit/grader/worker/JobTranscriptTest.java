package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.engine.TestOutcome;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the order a worker's frames for one job must follow before the grader believes them. */
class JobTranscriptTest {

  private static final WorkerMessage PLAN = new WorkerMessage.Planned(List.of("a", "b"));

  private static WorkerMessage started(String id) {
    return new WorkerMessage.Event(new TestEvent.TestStarted(id));
  }

  private static WorkerMessage printed(String id) {
    return new WorkerMessage.Event(new TestEvent.TestPrinted(id, "out", 3));
  }

  private static WorkerMessage finished(String id) {
    return new WorkerMessage.Event(new TestEvent.TestFinished(id, new TestOutcome.Passed(), 1));
  }

  private static Optional<String> firstIrregularity(Set<String> alreadyRun, WorkerMessage... frames) {
    JobTranscript transcript = new JobTranscript(alreadyRun);
    return Stream.of(frames)
        .map(transcript::check)
        .flatMap(Optional::stream)
        .findFirst();
  }

  @Test
  @DisplayName("a job's frames in the run's order are all regular")
  void regularRunIsBelieved() {
    // when
    Optional<String> irregular =
        firstIrregularity(
            Set.of(),
            PLAN,
            new WorkerMessage.Invoked("a"),
            started("a"),
            new WorkerMessage.Invoked("a"),
            printed("a"),
            finished("a"),
            started("b"),
            finished("b"),
            new WorkerMessage.Done(true, ""));

    // then
    assertThat(irregular).isEmpty();
  }

  static Stream<Arguments> irregularRuns() {
    return Stream.of(
        Arguments.of("a second finish", List.of(PLAN, started("a"), finished("a"), finished("a"))),
        Arguments.of("a start while another runs", List.of(PLAN, started("a"), started("b"))),
        Arguments.of("a result for a test not running", List.of(PLAN, started("a"), finished("b"))),
        Arguments.of("a test that was not planned", List.of(PLAN, started("z"))),
        Arguments.of("a second plan", List.of(PLAN, PLAN)),
        Arguments.of(
            "anything after the end",
            List.of(PLAN, new WorkerMessage.Done(true, ""), started("a"))),
        Arguments.of("an end during a test", List.of(PLAN, started("a"), new WorkerMessage.Done(true, ""))),
        Arguments.of("a confirmation not asked for", List.of(PLAN, new WorkerMessage.Synced("x"))),
        Arguments.of("a second ready", List.of(new WorkerMessage.Ready())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("irregularRuns")
  @DisplayName("a frame out of the run's order is irregular")
  void irregularFrameIsCaught(String what, List<WorkerMessage> frames) {
    // when
    Optional<String> irregular =
        firstIrregularity(Set.of(), frames.toArray(WorkerMessage[]::new));

    // then
    assertThat(irregular).as(what).isPresent();
  }

  @Test
  @DisplayName("a test an earlier worker already ran may not start again")
  void testAlreadyRunMayNotStart() {
    assertThat(firstIrregularity(Set.of("a"), PLAN, started("a"))).isPresent();
  }
}
