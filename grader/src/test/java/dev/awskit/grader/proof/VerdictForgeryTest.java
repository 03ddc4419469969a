package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.worker.WorkerRunner;
import dev.awskit.grader.worker.WorkerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades {@code hostile/q05/forges-verdict-in-the-worker}, a presigner that presigns nothing and
 * rewrites the worker's test framework so that every later failure reads as a pass, and records
 * what it reaches at the level in force ({@code -Dawskit.corpus.isolation}, {@code auto} by
 * default).
 *
 * <p>These tests grade in workers, which run the hidden tests beside the submission, as {@code
 * --no-trusted-verdicts} and {@code batch --reuse-workers} grade. Two of them describe what that
 * way cannot stop (docs/security.md, "What no layer stops"): the verdicts are computed in the JVM
 * that runs the submission, so code that gets past the static vetting writes its own grade at
 * every level, and, in a reused worker, the grades of the classmates graded after it. They assert
 * it so that the docs stay true. The default way, which keeps the verdicts in the grader's JVM,
 * is proved against the same forger by {@link TrustedVerdictsTest}.
 */
class VerdictForgeryTest {

  private static final Path FORGER =
      Path.of("src", "test", "resources", "hostile", "q05", "forges-verdict-in-the-worker");
  private static final Path FAULTY_Q09 =
      Path.of("src", "test", "resources", "faulty", "q09", "no-chunking");
  private static final RunSettings UNVETTED =
      new RunSettings(Duration.ofSeconds(20), Map.of()).withoutStaticVetting();

  @TempDir Path work;

  @Test
  @DisplayName("the static vetting refuses a submission that rewrites the test framework")
  void vettingRefusesTheForger() throws Exception {
    // given
    Path forger = Assembled.referenceWith(FORGER, 5, work.resolve("forger"));

    // when
    List<Scorecard> graded = gradeInOneWorker(RunSettings.defaults(), forger);

    // then
    QuestionScore q05 = graded.get(0).question(5).orElseThrow();
    assertThat(q05.score()).as("question 5, which presigns nothing").isZero();
    assertThat(q05.tests())
        .extracting(test -> test.outcome().feedback())
        .as("what the student reads")
        .allSatisfy(text -> assertThat(text).contains("calls Class.forName"));
  }

  @Test
  @DisplayName("with the tests in the worker, past the vetting a submission writes its own grade")
  void pastTheVettingTheForgerWritesItsOwnGrade() throws Exception {
    // given a forger whose question 5 presigns nothing and whose question 9 is faulty
    Path forger = Assembled.referenceWith(FORGER, 5, work.resolve("forger"));
    Assembled.replace(forger, FAULTY_Q09, 9);

    // when
    Scorecard graded = gradeInOneWorker(UNVETTED, forger).get(0);

    // then
    assertThat(List.of(graded.question(5).orElseThrow(), graded.question(9).orElseThrow()))
        .as(
            "questions 5 and 9 of a submission that earns neither, graded with the tests beside"
                + " it: if they no longer score full marks, this way closes the hole too; update"
                + " docs/security.md and turn this test around")
        .allSatisfy(question -> assertThat(question.score()).isEqualTo(question.maxScore()));
  }

  @Test
  @DisplayName("with reused workers, past the vetting a forger writes the next student's grade")
  void pastTheVettingAReusedWorkerCarriesTheForgeryToTheNextStudent() throws Exception {
    // given a forger, then a classmate whose question 9 is faulty, in a batch that reuses workers
    Path forger = Assembled.referenceWith(FORGER, 5, work.resolve("forger"));
    Path classmate = Assembled.referenceWith(FAULTY_Q09, 9, work.resolve("classmate"));

    // when
    Scorecard classmateGraded = gradeInOneWorker(UNVETTED, forger, classmate).get(1);

    // then
    QuestionScore q09 = classmateGraded.question(9).orElseThrow();
    assertThat(q09.score())
        .as(
            "question 9 of the classmate, which is faulty: if it no longer scores full marks, a"
                + " reused worker no longer carries a forgery; update docs/security.md and turn"
                + " this test around")
        .isEqualTo(q09.maxScore());
  }

  @Test
  @DisplayName("past the vetting, a forger cannot reach a classmate graded in a fresh worker")
  void freshWorkersKeepTheForgeryFromTheNextStudent() throws Exception {
    // given the same class, graded as batch --fresh-workers grades it
    Path forger = Assembled.referenceWith(FORGER, 5, work.resolve("forger"));
    Path classmate = Assembled.referenceWith(FAULTY_Q09, 9, work.resolve("classmate"));

    // when
    Scorecard classmateGraded =
        gradeInOneWorker(UNVETTED.withFreshWorker(), forger, classmate).get(1);

    // then
    QuestionScore q09 = classmateGraded.question(9).orElseThrow();
    assertThat(q09.score())
        .as("question 9 of the classmate, which is faulty, graded in a worker of its own")
        .isLessThan(q09.maxScore());
  }

  /** Grades the submissions one after another with one grader and at most one worker at a time. */
  private static List<Scorecard> gradeInOneWorker(RunSettings settings, Path... submissions)
      throws Exception {
    WorkerRunner runner = new WorkerRunner(WorkerSettings.defaults().withMaxWorkers(1));
    runner.isolate(HostileCaseChecks.corpusIsolation());
    List<Scorecard> scorecards = new ArrayList<>();
    try (Grader grader =
        new Grader(Graded.catalog(), runner, Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {
      for (Path submission : submissions) {
        scorecards.add(
            Scorer.score(
                Graded.scheme(),
                grader.grade(new SubmissionSource.SourceFolder(submission), settings)));
      }
    } finally {
      runner.close();
    }
    return scorecards;
  }
}
