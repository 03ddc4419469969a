package dev.awskit.grader.proof;

import static dev.awskit.grader.proof.ScorecardChecks.assertOthersFull;
import static dev.awskit.grader.proof.ScorecardChecks.assertReportsValid;
import static dev.awskit.grader.proof.ScorecardChecks.explanations;
import static dev.awskit.grader.proof.ScorecardChecks.failed;
import static dev.awskit.grader.proof.ScorecardChecks.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.ScratchSpace;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.QuestionStatus;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.scoring.TestScore;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades hostile submissions the way a student's is graded, in worker JVMs, and proves that each
 * costs only its own question: the grade ends within a bound, its reports follow their schemas,
 * every other question keeps full marks, and the hostile question loses points with a plain
 * explanation.
 *
 * <p>A case is a folder {@code src/test/resources/hostile/qNN/<case>} whose file replaces the
 * same-named file of the reference solution (as the faulty sweep does). Some cases are refused by
 * the static vetting before they run; the worst of those run a second time with the vetting
 * switched off, to prove that the worker JVM stops them too. The cases are listed in {@link
 * HostileCase}; the hostile zips are {@link HostileZipTest}'s.
 * Tests get a 2 s time limit, to keep the corpus fast.
 *
 * <p>Every case the vetting refuses is also graded with the vetting off, where only the worker and
 * the operating system stand in its way: its grade must still end in time, with valid reports,
 * every other question at full marks, and nothing planted beside the grader. The workers run at
 * the isolation level {@code auto} gives, or the one the system property {@code
 * awskit.corpus.isolation} names ({@code os}, {@code uid} or {@code jvm}), so that the corpus can
 * be run at each level the machine offers. The cases are graded as grading does by default: the
 * tests in this JVM, the submission's code alone in a confined defendant JVM; with the system
 * property {@code awskit.corpus.verdicts=worker}, in workers that run the tests beside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {

  private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");
  private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final int PARALLEL = 2;
  private static final String ENCODING = "non-utf8-source";
  private static final String TWICE = "graded-twice";
  private static final String PLANTED = "awskit-planted.bin";
  private static final String UNVETTED = "vetting off: ";

  private final HostileCaseChecks.CorpusRunner runner = HostileCaseChecks.corpusRunner(PARALLEL);
  /** The scratch space the command line would choose on this machine. */
  private final ScratchSpace scratch = ScratchSpace.choose(System.getenv());
  private final List<Grader> graders = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Grader> grader =
      ThreadLocal.withInitial(
          () -> {
            Grader own =
                new Grader(
                    Graded.catalog(),
                    runner.runner(),
                    Clock.fixed(Graded.NOW, ZoneOffset.UTC),
                    scratch);
            graders.add(own);
            return own;
          });
  private final Map<Object, Future<Graded.Timed<GradingResult>>> grades = new LinkedHashMap<>();
  private final Map<Path, FileTime> graderEntriesBefore = new LinkedHashMap<>();
  private ExecutorService pool;

  /**
   * Grades every case at once, two at a time (one grader per thread, each submission in its own
   * workers and sandboxes), so that the corpus costs about half its length; the tests then look at
   * the results.
   */
  @BeforeAll
  void gradeEveryCase(@TempDir Path work) throws IOException {
    for (Path entry : HostileCaseChecks.graderEntries()) {
      graderEntriesBefore.put(entry, Files.getLastModifiedTime(entry));
    }
    pool = Executors.newFixedThreadPool(PARALLEL);
    for (HostileCase hostile : HostileCase.all()) {
      Path submission =
          Assembled.referenceWith(
              HOSTILE.resolve(hostile.name()),
              hostile.question(),
              work.resolve(hostile.name() + (hostile.vetting() ? "" : "-unvetted")));
      submit(hostile, submission, hostile.vetting());
    }
    for (HostileCase vetted : HostileCase.refusedByTheVetting()) {
      Optional<HostileCase> gradedUnvetted =
          HostileCase.all().stream()
              .filter(hostile -> hostile.name().equals(vetted.name()) && !hostile.vetting())
              .findFirst();
      if (gradedUnvetted.isPresent()) {
        // The list grades this case with the vetting off already: the same files, the same
        // settings. Both tests look at that one grade rather than a second, identical one.
        grades.put(UNVETTED + vetted.name(), grades.get(gradedUnvetted.get()));
        continue;
      }
      Path submission =
          Assembled.referenceWith(
              HOSTILE.resolve(vetted.name()),
              vetted.question(),
              work.resolve(vetted.name() + "-vetting-off"));
      submit(UNVETTED + vetted.name(), submission, false);
    }
    submit(
        ENCODING,
        Assembled.referenceWith(HOSTILE.resolve("q12/non-utf8-source"), 12, work.resolve(ENCODING)),
        true);
    Path twice = Assembled.reference(work.resolve(TWICE));
    Assembled.replace(twice, HOSTILE.resolve("q10/infinite-loop"), 10);
    Assembled.replace(twice, HOSTILE.resolve("q02/deep-recursion"), 2);
    Assembled.replace(
        twice, Path.of("src", "test", "resources", "faulty", "q09", "no-chunking"), 9);
    submit(TWICE + "-1", twice, true);
    submit(TWICE + "-2", twice, true);
  }

  private void submit(Object key, Path submission, boolean vetting) {
    grades.put(key, pool.submit(() -> Graded.timed(() -> grade(submission, vetting))));
  }

  private Graded.Timed<GradingResult> graded(Object key) throws Exception {
    return grades.get(key).get(BOUND.toSeconds() * 4, TimeUnit.SECONDS);
  }

  @AfterAll
  void stopGraders() throws Exception {
    pool.shutdownNow();
    for (Grader own : graders) {
      own.close();
    }
    runner.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.awskit.grader.proof.HostileCase#all")
  void hostileSubmissionCostsOnlyItsOwnQuestion(HostileCase hostile, @TempDir Path work) throws Exception {
    Graded.Timed<GradingResult> graded = graded(hostile);
    Scorecard scorecard = Scorer.score(Graded.scheme(), graded.value());

    assertThat(graded.took()).as("time to grade %s", hostile).isLessThan(BOUND);
    assertReportsValid(scorecard, work.resolve("reports"));
    assertOthersFull(scorecard, hostile.question(), hostile.toString());
    QuestionScore own = scorecard.question(hostile.question()).orElseThrow();
    assertThat(own.score())
        .as("score of the hostile question of %s", hostile)
        .isLessThan(own.maxScore());
    assertThat(explanations(own))
        .as("what the student reads about question %d of %s", own.number(), hostile)
        .anySatisfy(text -> assertThat(text).contains(hostile.explanation()));
    assertLayer(hostile, own, graded.value());
    extraChecks(hostile, own, work);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.awskit.grader.proof.HostileCase#refusedByTheVetting")
  void refusedCaseIsHeldWithTheVettingOff(HostileCase vetted, @TempDir Path work) throws Exception {
    // given a case the vetting refuses, graded with the vetting off
    Graded.Timed<GradingResult> graded = graded(UNVETTED + vetted.name());

    // when
    Scorecard scorecard = Scorer.score(Graded.scheme(), graded.value());

    // then
    assertThat(graded.value().vettingProblems()).as("vetting problems, vetting off").isEmpty();
    String level = System.getProperty("awskit.corpus.isolation", "auto");
    if (!level.equals("auto")) {
      assertThat(graded.value().isolation().level().label()).as("the level that held").isEqualTo(level);
    }
    assertThat(graded.took()).as("time to grade %s with the vetting off", vetted).isLessThan(BOUND);
    assertReportsValid(scorecard, work.resolve("reports"));
    assertOthersFull(scorecard, vetted.question(), vetted + " with the vetting off");
    assertNothingPlantedBesideTheGrader();
  }

  private void assertLayer(HostileCase hostile, QuestionScore own, GradingResult result) {
    switch (hostile.layer()) {
      case VETTING -> {
        assertThat(own.status()).isEqualTo(QuestionStatus.REFUSED);
        assertThat(result.vettingProblems(own.number()))
            .as("vetting problems of %s", hostile)
            .isNotEmpty()
            .allSatisfy(
                problem -> {
                  assertThat(problem.className()).startsWith("dev.awskit.solutions.q");
                  assertThat(problem.method()).isNotBlank();
                  assertThat(problem.line()).isPositive();
                  assertThat(problem.message()).contains("This is not allowed:");
                });
        assertThat(own.tests())
            .allSatisfy(test -> assertThat(test.outcome()).isInstanceOf(TestOutcome.NotRun.class));
      }
      case COMPILER -> assertThat(own.status()).isEqualTo(QuestionStatus.NOT_COMPILED);
      case WORKER, ENGINE -> {
        assertThat(result.vettingProblems()).as("vetting problems of %s", hostile).isEmpty();
        assertThat(own.status()).isIn(QuestionStatus.PARTIAL, QuestionStatus.FAILED);
      }
      case INTAKE -> throw new IllegalStateException("intake cases are zips, graded elsewhere");
    }
  }

  /**
   * Checks that nothing appeared in the grader's temporary folder (where worker sandboxes live), in
   * its scratch folder (where the submission's classes are compiled) or beside its installation,
   * and that no entry of its class path changed.
   */
  private void assertNothingPlantedBesideTheGrader() throws IOException {
    assertThat(Path.of(System.getProperty("java.io.tmpdir"), PLANTED)).doesNotExist();
    assertThat(Path.of("/tmp", PLANTED)).doesNotExist();
    assertThat(scratch.root().resolve(PLANTED)).doesNotExist();
    for (Path entry : HostileCaseChecks.graderEntries()) {
      assertThat(entry.resolveSibling(PLANTED)).doesNotExist();
      assertThat(entry.resolve(PLANTED)).doesNotExist();
    }
    assertThat(HostileCaseChecks.graderEntries())
        .as("the grader's class path entries")
        .isEqualTo(List.copyOf(graderEntriesBefore.keySet()))
        .allSatisfy(
            entry ->
                assertThat(Files.getLastModifiedTime(entry))
                    .as("time stamp of %s", entry)
                    .isEqualTo(graderEntriesBefore.get(entry)));
  }

  /** Checks what a case promises beyond losing points. */
  private void extraChecks(HostileCase hostile, QuestionScore own, Path work) throws Exception {
    switch (hostile.name()) {
      case "q10/output-flood" -> {
        TestScore flooded = failed(own).get(0);
        assertThat(flooded.output())
            .as("what the flooding test printed, as kept for the instructor")
            .startsWith("flood flood")
            .contains("only the beginning is kept")
            .hasSizeLessThan(9 * 1024);
        Matcher total = Pattern.compile("printed (\\d+) bytes in all").matcher(flooded.output());
        assertThat(total.find()).isTrue();
        assertThat(Long.parseLong(total.group(1))).isGreaterThan(64 * 1024);
      }
      case "q01/out-of-memory" ->
          // Every test runs out of memory: after two new workers the grader gives up on the rest.
          assertThat(own.tests())
              .extracting(test -> test.outcome().feedback())
              .filteredOn(text -> text.startsWith("This test did not run"))
              .hasSize(own.tests().size() - 2);
      case "q04/writes-outside-sandbox" -> {
        // Relative paths and the temporary folder lead into the worker's sandbox, which is gone.
        String escaped = "awskit-escaped-download.bin";
        assertThat(Path.of(escaped)).doesNotExist();
        assertThat(Path.of("..", escaped)).doesNotExist();
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), escaped)).doesNotExist();
        try (Stream<Path> sandboxes = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
          assertThat(sandboxes.filter(path -> Files.exists(path.resolve("work").resolve(escaped))))
              .as("worker sandboxes left behind with the escaped file")
              .isEmpty();
        }
      }
      case "q04/reads-grader-jar", "q04/java-io-bypass", "q11/reads-tests-through-library" ->
          HostileCaseChecks.assertNothingLeaked(work);
      case "q04/writes-next-to-grader" -> {
        assertNothingPlantedBesideTheGrader();
        HostileCaseChecks.assertNothingLeaked(work);
      }
      case "q05/forged-events" ->
          assertThat(own.tests())
              .as("tests of question 5, which the submission claimed had passed")
              .filteredOn(test -> !test.passed())
              .isNotEmpty();
      case "q02/reads-environment" ->
          assertCleanEnvironment(failed(own).get(0).outcome().feedback());
      default -> {
        // Nothing more to check.
      }
    }
  }

  /**
   * Checks what the worker's environment showed a submission: no credentials, all in the sandbox,
   * and the sandbox emptied or deleted once every case is graded.
   */
  private void assertCleanEnvironment(String feedback) throws Exception {
    Path sandbox = HostileCaseChecks.sandboxOfCleanEnvironment(feedback);
    // A reused worker may be grading another case of the corpus: look once all are graded.
    for (Object key : grades.keySet()) {
      graded(key);
    }
    HostileCaseChecks.assertEmptiedOrDeleted(sandbox);
  }

  @Test
  void theGraderItselfNeverLoadsAClassOfASubmission() throws Exception {
    for (Object key : grades.keySet()) {
      graded(key);
    }

    // HotSpot's VM.class_hierarchy lists every class this JVM has loaded, with no agent needed.
    String loaded =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmClassHierarchy",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});

    assertThat(loaded).as("classes loaded by the grader's JVM").contains(Grader.class.getName());
    // Classes that exist only in hostile submissions, which the workers did load.
    assertThat(loaded).doesNotContain("S3EventProcessorDraft").doesNotContain("SqsManagerBackup");
  }

  @Test
  void sourceInAnotherEncodingIsGradedWithAWarning(@TempDir Path work) throws Exception {
    Scorecard scorecard = Scorer.score(Graded.scheme(), graded(ENCODING).value());

    // Read as windows-1252, it is the reference itself: full marks, and the student is told.
    assertReportsValid(scorecard, work.resolve("reports"));
    assertThat(scorecard.score()).isEqualTo(scorecard.maxScore());
    assertThat(scorecard.warnings())
        .anySatisfy(
            warning ->
                assertThat(warning).contains("S3EventProcessor.java").contains("windows-1252"));
  }

  @Test
  void gradingAHostileSubmissionTwiceGivesTheSameScoreAndOutcomes() throws Exception {
    // The same submission (an endless loop, endless recursion and a faulty question) was graded
    // twice, at the same time as other cases.
    Scorecard first = Scorer.score(Graded.scheme(), graded(TWICE + "-1").value());
    Scorecard second = Scorer.score(Graded.scheme(), graded(TWICE + "-2").value());

    assertThat(second.score()).isEqualTo(first.score()).isLessThan(first.maxScore());
    assertThat(outcomes(second)).isEqualTo(outcomes(first));
    assertThat(first.question(10).orElseThrow().score())
        .isLessThan(first.question(10).orElseThrow().maxScore());
  }

  private GradingResult grade(Path submission, boolean vetting) throws SubmissionUnusableException {
    RunSettings settings = new RunSettings(TIME_LIMIT, Map.of());
    return grader
        .get()
        .grade(
            new SubmissionSource.SourceFolder(submission),
            vetting ? settings : settings.withoutStaticVetting());
  }
}
