package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.awskit.grader.batch.BatchGrader;
import dev.awskit.grader.batch.BatchProgress;
import dev.awskit.grader.batch.BatchRun;
import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.Roster;
import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.batch.SubmissionGrader;
import dev.awskit.grader.defendant.DefendantRunner;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GraderClassPath;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.IsolationLevel;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.testing.OneQuestionRunner;
import dev.awskit.grader.worker.ConfinedDefendants;
import dev.awskit.grader.worker.IsolationChoice;
import dev.awskit.grader.worker.IsolationUnavailableException;
import dev.awskit.grader.worker.WorkerRunner;
import dev.awskit.grader.worker.WorkerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades attacks on the machine with the static vetting switched off, so that nothing but the
 * operating system stands in their way, and proves that the os and uid levels hold alone: no write
 * outside the sandbox, nothing secret read, no process left when the grade returns, and the level
 * in the result.
 *
 * <p>The cases are the q04 folders {@code hostile/q04/os-*}: each attack runs when a hidden test
 * uploads, and throws an exception that says what it managed, which a student would read in their
 * feedback. What each level must stop follows docs/security/worker.md, "Isolation levels": the os
 * level every read and every write outside the sandbox; the uid level the files only the grader
 * may read and write, and the grader's environment, but not the worker's own {@code /proc/self},
 * world-readable files or world-writable folders. Neither level leaves a file that holds a hidden
 * test in reach, nor a class loader that hands one out. Each attack runs in a worker, beside the
 * hidden tests, and in a defendant, as grading runs a submission's code by default; only question
 * 4, which holds the attack, is graded. A level this machine cannot give is skipped with the
 * reason, unless {@code CI=true}: CI installs bubblewrap and runs as root, so there it fails.
 */
class OsSandboxTest {

  private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile", "q04");
  private static final String PLANTED = "awskit-planted-os.txt";
  private static final String SURVIVOR = "awskit-os-survivor";

  @TempDir Path work;

  /** Names the JVM the submission's code runs in. */
  enum Runs {
    /** A worker, which runs the hidden tests beside the code ({@code --no-trusted-verdicts}). */
    IN_A_WORKER,
    /** A defendant, which runs the code alone (trusted verdicts, the default). */
    IN_A_DEFENDANT
  }

  static Stream<Arguments> attacks() {
    List<Arguments> attacks = new ArrayList<>();
    for (Runs runs : Runs.values()) {
      for (IsolationChoice level : List.of(IsolationChoice.OS, IsolationChoice.UID)) {
        for (String attack :
            List.of(
                "os-writes-everywhere",
                "os-reads-secrets",
                "os-double-fork",
                "os-hides-a-process",
                "os-reads-hidden-tests")) {
          attacks.add(Arguments.of(runs, level, attack));
        }
      }
    }
    return attacks.stream();
  }

  /** Holds a runner of question 4 at a level, and what to close once it is done. */
  private record Question4(SubmissionRunner runner, AutoCloseable resources) {}

  private static Question4 question4(Runs runs, IsolationChoice level) {
    if (runs == Runs.IN_A_DEFENDANT) {
      ConfinedDefendants defendants = ConfinedDefendants.at(level);
      DefendantRunner runner = new DefendantRunner(defendants);
      return new Question4(new OneQuestionRunner(Graded.catalog(), 4, runner), defendants);
    }
    WorkerRunner workers = new WorkerRunner(WorkerSettings.defaults().withMaxWorkers(1));
    workers.isolate(level);
    return new Question4(new OneQuestionRunner(Graded.catalog(), 4, workers), workers);
  }

  @BeforeEach
  void removeOldMarkers() throws Exception {
    for (Path marker : markers()) {
      Files.deleteIfExists(marker);
    }
  }

  @ParameterizedTest(name = "{0}, {1}: {2}")
  @MethodSource("attacks")
  @DisplayName("an attack with the vetting off is held by the operating system alone")
  void operatingSystemHoldsAlone(Runs runs, IsolationChoice level, String attack)
      throws Exception {
    // given
    Question4 question4 = question4(runs, level);
    SubmissionRunner runner = question4.runner();
    requireAvailable(runner, level);
    Path submission = Assembled.referenceWith(HOSTILE.resolve(attack), 4, work.resolve(attack));
    // A generous limit per test: the attacks start JVMs beside the worker, and on a loaded machine
    // the reference's own tests of the other questions once took over the default 5 s in CI.
    RunSettings settings = new RunSettings(Duration.ofSeconds(20), Map.of()).withoutStaticVetting();

    // when
    GradingResult result;
    List<String> aliveWithTheWorkerKept;
    try (Grader grader =
        new Grader(Graded.catalog(), runner, Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {
      result = grader.grade(new SubmissionSource.SourceFolder(submission), settings);
      // Before the runner closes: a worker that a process of the submission outlived must not be
      // kept for the next one, however that process hides.
      aliveWithTheWorkerKept = survivors();
    } finally {
      question4.resources().close();
    }

    // then
    Scorecard scorecard = Scorer.score(Graded.scheme(), result);
    assertThat(result.isolation().level()).as("the level that graded it").isEqualTo(level(level));
    assertThat(result.vettingProblems()).as("vetting problems with the vetting off").isEmpty();
    QuestionScore q04 = scorecard.question(4).orElseThrow();
    List<String> feedback =
        q04.tests().stream()
            .map(test -> test.outcome().feedback() + "\n" + test.outcome().detail())
            .toList();
    assertThat(feedback)
        .as("what the attack reports from inside the sandbox")
        .anySatisfy(text -> assertThat(text).containsAnyOf("HELD", "WROTE", "READ", "survivor"))
        .noneSatisfy(text -> assertThat(text).contains("FOUND"))
        .noneSatisfy(
            text -> assertThat(text).containsAnyOf(forbiddenReads(level).toArray(String[]::new)));
    List<Path> planted = new ArrayList<>(markers());
    if (level == IsolationChoice.UID) {
      // A uid of its own can write in the world-writable /tmp, which the grader never reads.
      planted.remove(Path.of("/tmp", PLANTED));
    }
    assertThat(planted).as("files planted outside the sandbox").noneMatch(Files::exists);
    if (attack.equals("os-double-fork")) {
      // The sandbox lets a process start; it must end it with the grade.
      assertThat(feedback).as("whether the survivor ran").anySatisfy(
          text -> assertThat(text).contains("started a survivor"));
    }
    if (attack.equals("os-hides-a-process") && level == IsolationChoice.UID) {
      // The uid level shows a process its own /proc, so the rename must have worked.
      assertThat(feedback).as("whether the process renamed itself").anySatisfy(
          text -> assertThat(text).contains("started a survivor that renamed itself"));
    }
    assertThat(aliveWithTheWorkerKept)
        .as("processes of the submission alive once its grade returned, its worker still open")
        .isEmpty();
    assertThat(survivors()).as("processes of the submission alive after the grade").isEmpty();
  }

  @Test
  @DisplayName("at jvm the processes a submission started end with its worker")
  void atJvmTheProcessesASubmissionStartedEndWithItsWorker() throws Exception {
    // given a submission that starts processes which outlive its tests, at the level with no
    // operating-system confinement: there only the worker's descendants can be found and ended
    WorkerRunner runner = new WorkerRunner(WorkerSettings.defaults().withMaxWorkers(1));
    runner.isolate(IsolationChoice.JVM);
    Path submission =
        Assembled.referenceWith(HOSTILE.resolve("os-hides-a-process"), 4, work.resolve("jvm"));
    RunSettings settings = new RunSettings(Duration.ofSeconds(20), Map.of()).withoutStaticVetting();

    // when
    List<String> alive;
    try (Grader grader =
        new Grader(Graded.catalog(), runner, Clock.fixed(Graded.NOW, ZoneOffset.UTC))) {
      grader.grade(new SubmissionSource.SourceFolder(submission), settings);
      alive = survivors();
    } finally {
      runner.close();
    }

    // then
    assertThat(alive)
        .as("processes the submission started, alive once its grade returned")
        .isEmpty();
  }

  @Test
  @DisplayName("at os a batch grades the originals, which no submission's code can reach")
  void aBatchAtOsGradesTheOriginalsOutOfEveryWorkersReach() throws Exception {
    // given a class in which the first graded overwrites every Java source it can reach
    WorkerRunner runner = new WorkerRunner(WorkerSettings.defaults().withMaxWorkers(1));
    runner.isolate(IsolationChoice.OS);
    requireAvailable(runner, IsolationChoice.OS);
    Path batch = work.resolve("class");
    Assembled.referenceWith(HOSTILE.resolve("os-overwrites-classmates"), 4, batch.resolve("adam"));
    Assembled.reference(batch.resolve("alice"));
    Map<String, String> before = sourcesOf(batch.resolve("alice"));
    RunSettings settings = new RunSettings(Duration.ofSeconds(20), Map.of()).withoutStaticVetting();
    Clock clock = Clock.fixed(Graded.NOW, ZoneOffset.UTC);
    List<Scorecard> scorecards = new ArrayList<>();

    // when
    BatchRun run;
    try (Grader grader = new Grader(Graded.catalog(), runner, clock)) {
      SubmissionGrader grading =
          (student, reports) -> {
            Scorecard scorecard =
                Scorer.score(
                    Graded.scheme(),
                    grader.grade(new SubmissionSource.SourceFolder(student.path()), settings));
            scorecards.add(scorecard);
            return scorecard;
          };
      run =
          new BatchGrader(
                  grading,
                  new ResultStore(work.resolve("out")),
                  clock,
                  1,
                  BatchGrader.Sources.ORIGINALS,
                  () -> {})
              .run(Roster.scan(batch).students(), "settings", true, BatchProgress.silent());
    } finally {
      runner.close();
    }

    // then
    assertThat(run.results()).extracting(StudentResult::status).containsOnly(RowStatus.GRADED);
    assertThat(scorecards.get(0).question(4).orElseThrow().tests())
        .as("what the attack reports from inside the sandbox")
        .anySatisfy(test -> assertThat(test.outcome().feedback()).contains("HELD"));
    assertThat(sourcesOf(batch.resolve("alice"))).as("alice's submission").isEqualTo(before);
    assertThat(scorecards.get(1).questions())
        .as("alice's questions, graded after adam's")
        .allSatisfy(question -> assertThat(question.score()).isEqualTo(question.maxScore()));
  }

  private static Map<String, String> sourcesOf(Path submission) throws java.io.IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(submission)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        sources.put(submission.relativize(file).toString(), Files.readString(file));
      }
    }
    return sources;
  }

  /** Returns what a read of must never show, as {@code path=} in the attack's report. */
  private static List<String> forbiddenReads(IsolationChoice level) {
    List<String> secrets =
        new ArrayList<>(
            List.of(
                "/proc/" + ProcessHandle.current().pid() + "/environ=",
                "/proc/1/environ=",
                "/etc/shadow=",
                "/root/.bashrc="));
    if (level == IsolationChoice.OS) {
      secrets.addAll(List.of("/proc/self/maps=", "/proc/self/mem=", "/proc/self/environ=", "/etc/passwd="));
    }
    return secrets;
  }

  private static IsolationLevel level(IsolationChoice choice) {
    return choice == IsolationChoice.OS ? IsolationLevel.OS : IsolationLevel.UID;
  }

  /** Skips the test where the level cannot be had, or fails it in CI, where it must be had. */
  static void requireAvailable(SubmissionRunner runner, IsolationChoice level) {
    try {
      runner.isolation();
    } catch (IsolationUnavailableException unavailable) {
      String reason =
          "The isolation level "
              + level.label()
              + " is not available here, so its tests cannot run: "
              + unavailable.getMessage();
      if ("true".equals(System.getenv("CI"))) {
        fail(reason + " CI must give it: .ci/run installs bubblewrap and runs as root.");
      }
      Assumptions.abort(reason);
    }
  }

  private static List<Path> markers() {
    List<Path> markers = new ArrayList<>();
    for (Path entry : GraderClassPath.entries()) {
      Path parent = entry.toAbsolutePath().getParent();
      if (parent != null) {
        markers.add(parent.resolve(PLANTED));
      }
    }
    markers.add(Path.of("/tmp", PLANTED));
    markers.add(Path.of(System.getProperty("java.home"), PLANTED));
    markers.add(Path.of("/tmp", "awskit-survivor-planted.txt"));
    try (Stream<Path> stages = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      stages
          .filter(path -> path.getFileName().toString().startsWith("awskit-classpath-"))
          .forEach(stage -> markers.add(stage.resolve(PLANTED)));
    } catch (java.io.IOException unreadable) {
      // No stage to look into.
    }
    return markers;
  }

  /** Lists the survivors' command lines, read whole from /proc (ProcessHandle cuts long ones). */
  private static List<String> survivors() throws java.io.IOException {
    List<String> found = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> processes =
        Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String line = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
          if (line.contains(SURVIVOR)) {
            // The class path makes the line long; its end names the main class and arguments.
            String end = line.substring(Math.max(0, line.length() - 160));
            found.add(process.getFileName() + ": ..." + end);
          }
        } catch (java.io.IOException ended) {
          // The process ended while it was read.
        }
      }
    }
    return found;
  }
}
