package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.engine.TestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Proves the grader's side of the worker protocol against stand-in workers ({@link FakeWorkers})
 * that misbehave on cue: the watchdog, crashes during and between tests, giving up on a question,
 * forged lines, a worker that never starts, one job for all of a submission's questions.
 */
class WorkerRunnerTest {

  private static final RunRequest TWO_QUESTIONS =
      new RunRequest(
          List.of(), List.of("x.q01.Alpha", "x.q01.Beta", "x.q02.Gamma"), 100, Map.of(), List.of());

  private static final WorkerSettings QUICK =
      new WorkerSettings(64, 512, 1024, Duration.ofSeconds(30), Duration.ofMillis(300), 2, 5, 2);

  @Test
  @DisplayName(
      "a worker that stops answering during a test is ended; the test times out, the rest runs")
  void watchdogEndsAWedgedWorker() {
    Map<String, TestOutcome> outcomes = run(FakeWorkers.Wedges.class);

    assertThat(outcomes.get("x.q01.Alpha#first"))
        .isInstanceOf(TestOutcome.TimedOut.class)
        .extracting(TestOutcome::feedback)
        .asString()
        .contains("did not finish within 100 ms")
        .contains("stopped responding");
    assertThat(outcomes.get("x.q01.Alpha#second")).isInstanceOf(TestOutcome.TimedOut.class);
    // Two new workers for question 1 are the most it may cost: its other tests are given up.
    assertThat(outcomes.get("x.q01.Beta#first"))
        .isInstanceOf(TestOutcome.NotRun.class)
        .extracting(TestOutcome::feedback)
        .asString()
        .contains("2 times");
    // Question 2 gets a fresh worker of its own.
    assertThat(outcomes.get("x.q02.Gamma#first")).isInstanceOf(TestOutcome.TimedOut.class);
  }

  @Test
  @DisplayName("each case of a parameterized test gets the whole time limit from the watchdog")
  void everyCaseOfATestRestartsTheWatchdog() {
    // A window of 400 + 300 ms: each 250 ms case fits with room for a loaded machine, the whole
    // test of 1,000 ms does not.
    RunRequest oneTest =
        new RunRequest(List.of(), List.of("x.q01.Alpha"), 400, Map.of(), List.of());
    List<TestEvent> events = new ArrayList<>();

    try (WorkerRunner runner =
        new WorkerRunner(QUICK, System::nanoTime, FakeWorkers.SlowCases.class.getName())) {
      runner.run(oneTest, events::add);
    }

    assertThat(events)
        .filteredOn(TestEvent.TestFinished.class::isInstance)
        .extracting(event -> ((TestEvent.TestFinished) event).outcome())
        .hasSize(2)
        .allMatch(TestOutcome::passed);
  }

  @Test
  @DisplayName("a worker that ends during a test costs that test, explained with its exit code")
  void crashDuringATestIsExplained() {
    Map<String, TestOutcome> outcomes = run(FakeWorkers.ExitsDuringTest.class);

    assertThat(outcomes.get("x.q01.Alpha#first"))
        .isInstanceOf(TestOutcome.Threw.class)
        .satisfies(
            outcome -> {
              assertThat(outcome.feedback())
                  .contains("ended the Java process")
                  .contains("exit code 42")
                  .contains("System.exit");
              assertThat(outcome.detail()).contains("exit code 42");
            });
    assertThat(outcomes.get("x.q01.Beta#second")).isInstanceOf(TestOutcome.NotRun.class);
    assertThat(outcomes.get("x.q02.Gamma#first")).isInstanceOf(TestOutcome.Threw.class);
  }

  @Test
  @DisplayName("a worker that ends between tests costs no test: the rest runs in a new worker")
  void crashBetweenTestsCostsNothing() {
    Map<String, TestOutcome> outcomes = run(FakeWorkers.DiesBetweenTests.class);

    assertEveryTestPassed("outcomes", outcomes);
  }

  @Test
  @DisplayName("lines a worker prints outside frames, shaped like messages or not, change nothing")
  void forgedLinesAreIgnored() {
    Map<String, TestOutcome> outcomes = run(FakeWorkers.PassesAndLies.class);

    assertEveryTestPassed("outcomes", outcomes);
  }

  @Test
  @DisplayName(
      "a forged result voids its question, which runs again once and then counts as untrusted")
  void forgedResultVoidsItsQuestion() {
    // given a worker that reports a pass and then the real failure of the same test

    // when
    Map<String, TestOutcome> outcomes = run(FakeWorkers.ForgesAPass.class);

    // then
    assertThat(outcomes.get("x.q02.Gamma#first"))
        .isInstanceOf(TestOutcome.NotRun.class)
        .satisfies(
            outcome -> {
              assertThat(outcome.feedback()).startsWith("The grader could not trust this run");
              assertThat(outcome.detail()).contains("x.q02.Gamma#first");
            });
    assertThat(outcomes.get("x.q02.Gamma#second")).isInstanceOf(TestOutcome.NotRun.class);
    assertThat(outcomes.entrySet())
        .as("the outcomes of the question no forger touched")
        .filteredOn(entry -> entry.getKey().startsWith("x.q01."))
        .hasSize(4)
        .allSatisfy(entry -> assertThat(entry.getValue().passed()).as(entry.getKey()).isTrue());
  }

  @Test
  @DisplayName("a result sent after a job's end voids the job, and the worker serves nobody after")
  void resultAfterTheEndVoidsTheJob() {
    // given
    List<TestEvent> events = new ArrayList<>();

    // when
    try (WorkerRunner runner =
        new WorkerRunner(QUICK, System::nanoTime, FakeWorkers.WritesAfterDone.class.getName())) {
      runner.run(TWO_QUESTIONS, events::add);

      // then
      assertThat(runner.idleWorkers()).as("workers kept for the next submission").isZero();
    }
    assertThat(events)
        .filteredOn(TestEvent.TestFinished.class::isInstance)
        .extracting(event -> ((TestEvent.TestFinished) event).outcome())
        .hasSize(6)
        .allSatisfy(
            outcome ->
                assertThat(outcome.feedback()).startsWith("The grader could not trust this run"));
  }

  @Test
  @DisplayName("a worker gets one job for all the questions of a submission")
  void oneJobHoldsEveryQuestion() {
    // given a worker that ends without a word when a second job comes
    Map<String, TestOutcome> outcomes;

    // when
    try (WorkerRunner runner =
        new WorkerRunner(QUICK, System::nanoTime, FakeWorkers.EndsOnSecondJob.class.getName())) {
      outcomes = outcomes(runner);

      // then
      assertThat(runner.workersStarted()).as("workers started for two questions").isEqualTo(1);
    }
    assertEveryTestPassed("outcomes", outcomes);
  }

  @Test
  @DisplayName("the questions after a distrusted one go to the next worker in a job of their own")
  void questionsAfterADistrustedOneGoToTheNextWorker() {
    // given a worker that sends a result after the end of question 1, whose job holds question 2
    Map<String, TestOutcome> outcomes;

    // when
    try (WorkerRunner runner =
        new WorkerRunner(
            QUICK,
            System::nanoTime,
            FakeWorkers.WritesAfterDoneInTheFirstQuestion.class.getName())) {
      outcomes = outcomes(runner);

      // then
      assertThat(runner.workersStarted())
          .as("workers started: two for question 1, one for question 2")
          .isEqualTo(3);
    }
    assertThat(outcomes.get("x.q01.Alpha#first")).isInstanceOf(TestOutcome.NotRun.class);
    assertThat(outcomes.get("x.q02.Gamma#first").passed()).isTrue();
    assertThat(outcomes.get("x.q02.Gamma#second").passed()).isTrue();
  }

  @Test
  @DisplayName("a worker that never starts is the grader's failure, not the submission's")
  void workerThatNeverStartsFailsTheGrader() {
    assertThatThrownBy(() -> run(FakeWorkers.NeverReady.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not start a worker JVM");
  }

  @Test
  @DisplayName("a worker that comes out of a submission clean grades the next, up to its share")
  void cleanWorkerServesTheNextSubmissions() {
    try (WorkerRunner runner =
        new WorkerRunner(QUICK, System::nanoTime, FakeWorkers.PassesAndLies.class.getName())) {
      for (int submission = 0; submission < 7; submission++) {
        Map<String, TestOutcome> outcomes = outcomes(runner);

        assertEveryTestPassed(String.format("outcomes of submission %d", submission), outcomes);
      }

      assertThat(runner.workersStarted())
          .as("workers for 7 submissions, at most 5 each")
          .isEqualTo(2);
    }
  }

  @Test
  @DisplayName("a run that asks for a fresh worker neither takes nor hands on a used one")
  void freshWorkerRunsAreNeverShared() {
    RunRequest fresh =
        new RunRequest(
            List.of(), TWO_QUESTIONS.testClasses(), 100, Map.of(), List.of(), true);
    try (WorkerRunner runner =
        new WorkerRunner(QUICK, System::nanoTime, FakeWorkers.PassesAndLies.class.getName())) {
      outcomes(runner);
      List<TestEvent> events = new ArrayList<>();
      runner.run(fresh, events::add);

      assertThat(events)
          .filteredOn(TestEvent.TestFinished.class::isInstance)
          .hasSize(6)
          .allMatch(event -> ((TestEvent.TestFinished) event).outcome().passed());
      assertThat(runner.workersStarted())
          .as("workers: one for the first run, one of its own for the fresh run")
          .isEqualTo(2);
      assertThat(runner.idleWorkers())
          .as("idle workers: the first run's, untouched by the fresh run, which ended its own")
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName("with one submission per worker, every submission gets a new worker")
  void oneSubmissionPerWorkerStartsOneEach() {
    try (WorkerRunner runner =
        new WorkerRunner(
            QUICK.withSubmissionsPerWorker(1),
            System::nanoTime,
            FakeWorkers.PassesAndLies.class.getName())) {
      outcomes(runner);
      outcomes(runner);

      assertThat(runner.workersStarted()).as("workers for 2 submissions").isEqualTo(2);
    }
  }

  @Test
  @DisplayName("runs beyond the cap on workers wait for their turn and take the idle worker")
  void runsBeyondTheCapShareTheWorker() throws Exception {
    try (WorkerRunner runner =
        new WorkerRunner(
            QUICK.withMaxWorkers(1), System::nanoTime, FakeWorkers.PassesAndLies.class.getName())) {
      ExecutorService graders = Executors.newFixedThreadPool(3);
      try {
        List<Future<Map<String, TestOutcome>>> runs = new ArrayList<>();
        for (int grader = 0; grader < 3; grader++) {
          runs.add(graders.submit(() -> outcomes(runner)));
        }

        for (Future<Map<String, TestOutcome>> run : runs) {
          assertEveryTestPassed("outcomes", run.get(60, TimeUnit.SECONDS));
        }
      } finally {
        graders.shutdownNow();
      }

      assertThat(runner.workersStarted())
          .as("workers for 3 submissions at once, with at most 1 worker")
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a worker that ends a question unclean serves no other question or submission")
  void uncleanWorkerIsNeverReused() {
    try (WorkerRunner runner =
        new WorkerRunner(QUICK, System::nanoTime, FakeWorkers.EndsUnclean.class.getName())) {
      Map<String, TestOutcome> first = outcomes(runner);
      Map<String, TestOutcome> second = outcomes(runner);

      assertEveryTestPassed(
          "the tests ran to their end before the worker was found unclean", first);
      assertThat(second).isEqualTo(first);
      assertThat(runner.workersStarted()).as("one worker per question").isEqualTo(4);
    }
  }

  @Test
  @DisplayName("a reused worker that ends before it answers costs the next submission nothing")
  void reusedWorkerLostWhileIdleCostsNothing() {
    try (WorkerRunner runner =
        new WorkerRunner(QUICK, System::nanoTime, FakeWorkers.EndsOnSecondJob.class.getName())) {
      outcomes(runner);
      Map<String, TestOutcome> second = outcomes(runner);

      assertEveryTestPassed("outcomes", second);
      assertThat(runner.workersStarted()).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("one question is the test classes of one package, in the order they are listed")
  void questionsAreTestClassesByPackage() {
    assertThat(
            WorkerRunner.byPackage(List.of("x.q02.Gamma", "x.q01.Beta", "x.q02.Delta", "x.q01.A")))
        .containsExactly(List.of("x.q02.Gamma", "x.q02.Delta"), List.of("x.q01.Beta", "x.q01.A"));
  }

  @Test
  @DisplayName("a worker that may grade more submissions compiles sooner; a fresh one does not")
  void aReusableWorkerCompilesItsHotCodeSooner() {
    // given
    RunRequest fresh =
        new RunRequest(List.of(), TWO_QUESTIONS.testClasses(), 100, Map.of(), List.of(), true);

    try (WorkerRunner runner = new WorkerRunner(QUICK)) {
      // when
      List<String> reusable = runner.jvmOptionsFor(TWO_QUESTIONS);
      List<String> single = runner.jvmOptionsFor(fresh);

      // then
      assertThat(reusable)
          .as("options of a worker started for a run that may reuse it")
          .containsExactlyElementsOf(WorkerRunner.REUSABLE_WORKER_OPTIONS)
          .anySatisfy(option -> assertThat(option).startsWith("-XX:CompileThresholdScaling="));
      assertThat(single).as("options of a worker started for a fresh run").isEmpty();
    }
  }

  /** Asserts that all six tests of the two questions have an outcome, and that each passed. */
  private static void assertEveryTestPassed(String what, Map<String, TestOutcome> outcomes) {
    assertThat(outcomes)
        .as(what)
        .hasSize(6)
        .allSatisfy((id, outcome) -> assertThat(outcome.passed()).as(id).isTrue());
  }

  /** Runs the two questions with stand-in workers of {@code fake} and returns every outcome. */
  private static Map<String, TestOutcome> run(Class<?> fake) {
    try (WorkerRunner runner = new WorkerRunner(QUICK, System::nanoTime, fake.getName())) {
      return outcomes(runner);
    }
  }

  /** Runs the two questions with {@code runner}, as one submission, and returns every outcome. */
  private static Map<String, TestOutcome> outcomes(WorkerRunner runner) {
    List<TestEvent> events = new ArrayList<>();
    runner.run(TWO_QUESTIONS, events::add);
    Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    for (TestEvent event : events) {
      if (event instanceof TestEvent.TestFinished finished) {
        assertThat(outcomes.put(finished.testId(), finished.outcome()))
            .as("second outcome for %s", finished.testId())
            .isNull();
      }
    }
    return outcomes;
  }
}
