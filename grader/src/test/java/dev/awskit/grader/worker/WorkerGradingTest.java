package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.FixtureCatalog;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.engine.TestResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Grades the small fixture submissions of questions 98 and 99 in real worker JVMs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerGradingTest {

  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixture");
  private static final String GREETS = "dev.awskit.grader.hidden.q99.GreeterChecks#greetsByName";

  private WorkerRunner runner;
  private Grader grader;

  @BeforeAll
  void startGrader() {
    runner = WorkerRunner.withDefaults();
    grader = new Grader(FixtureCatalog.load(), runner, Clock.systemUTC());
  }

  @AfterAll
  void stopGrader() throws Exception {
    grader.close();
    runner.close();
  }

  @Test
  @DisplayName("a good submission passes every test in a worker, parameterized ones included")
  void goodSubmissionPasses() throws Exception {
    GradingResult result =
        grader.grade(
            new SubmissionSource.SourceFolder(FIXTURES.resolve("good")), RunSettings.defaults());

    assertThat(result.results()).hasSize(5);
    assertThat(result.results().values()).allMatch(test -> test.outcome().passed(), "passed");
  }

  @Test
  @DisplayName("a worker that comes out of a submission clean grades the next one")
  void cleanWorkerGradesTheNextSubmission() throws Exception {
    try (WorkerRunner own = WorkerRunner.withDefaults();
        Grader twice = new Grader(FixtureCatalog.load(), own, Clock.systemUTC())) {
      for (int round = 0; round < 2; round++) {
        GradingResult result =
            twice.grade(
                new SubmissionSource.SourceFolder(FIXTURES.resolve("good")),
                RunSettings.defaults());

        assertThat(result.results().values())
            .as("outcomes of round %d", round)
            .allMatch(test -> test.outcome().passed(), "passed");
      }

      assertThat(own.workersStarted()).as("workers started for two submissions").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a worker whose default locale a submission changed grades no other submission")
  void workerWithChangedStateIsNotReused() throws Exception {
    try (WorkerRunner own = WorkerRunner.withDefaults();
        Grader grader = new Grader(FixtureCatalog.load(), own, Clock.systemUTC())) {
      GradingResult changed =
          grader.grade(
              new SubmissionSource.SourceFolder(FIXTURES.resolve("changes-locale")),
              RunSettings.defaults().withoutStaticVetting());
      GradingResult next =
          grader.grade(
              new SubmissionSource.SourceFolder(FIXTURES.resolve("good")), RunSettings.defaults());

      assertThat(changed.results().values())
          .as("the tests of the submission that changed the locale")
          .allMatch(test -> test.outcome().passed(), "passed");
      assertThat(next.results().values()).allMatch(test -> test.outcome().passed(), "passed");
      assertThat(own.workersStarted())
          .as("workers started: the changed one is not handed to the next submission")
          .isEqualTo(2);
    }
  }

  @Test
  @DisplayName("a worker that holds more than half its heap after a submission grades no other")
  void workerHoldingMemoryIsNotReused() throws Exception {
    try (WorkerRunner own = WorkerRunner.withDefaults();
        Grader grader = new Grader(FixtureCatalog.load(), own, Clock.systemUTC())) {
      GradingResult holding =
          grader.grade(
              new SubmissionSource.SourceFolder(FIXTURES.resolve("holds-memory")),
              RunSettings.defaults().withoutStaticVetting());
      GradingResult next =
          grader.grade(
              new SubmissionSource.SourceFolder(FIXTURES.resolve("good")), RunSettings.defaults());

      assertThat(holding.results().values()).allMatch(test -> test.outcome().passed(), "passed");
      assertThat(next.results().values()).allMatch(test -> test.outcome().passed(), "passed");
      assertThat(own.workersStarted())
          .as("workers started: the one holding 135 of its 256 MB is not handed on")
          .isEqualTo(2);
    }
  }

  @Test
  @DisplayName("a test that sleeps past its limit times out in the worker and names where it was")
  void sleepingTestTimesOut() throws Exception {
    GradingResult result =
        grader.grade(
            new SubmissionSource.SourceFolder(FIXTURES.resolve("hangs")),
            new RunSettings(Duration.ofMillis(500), Map.of()));

    TestOutcome greets = result.results().get(GREETS).outcome();
    assertThat(greets).isInstanceOf(TestOutcome.TimedOut.class);
    assertThat(greets.feedback())
        .contains("did not finish within 500 ms")
        .contains("It was still running FriendlyGreeter.waitForever");
    assertThat(result.results().values())
        .filteredOn(test -> !test.testId().equals(GREETS))
        .extracting(TestResult::outcome)
        .allMatch(TestOutcome::passed);
  }
}
