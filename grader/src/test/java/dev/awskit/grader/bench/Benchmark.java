package dev.awskit.grader.bench;

import dev.awskit.grader.testing.Assembled;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures how fast the grader grades, and what it costs in memory, on the machine it runs on.
 *
 * <p>Run it with {@code benchmark/run} from the repository's root: it packages the grader, then
 * measures (1) one submission graded cold, several times; (2) a batch of generated submissions;
 * (3) the peak resident memory of every process involved; (4) the plain way, one {@code mvn
 * test} per submission that runs the same hidden tests through Surefire, on a sample of the batch;
 * (5) what the operating-system isolation costs: every cold grade and the batch (five times) at
 * the level {@code auto} gives here and at the {@code jvm} level, in pairs (see {@link
 * IsolationCost}). It takes the measures in rounds, each round a share of every measure, so that
 * the figures compared with one another were taken over the same minutes. It prints a Markdown
 * report and writes it to {@code grader/target/benchmark/benchmark.md}.
 * Memory is read from {@code /proc}, so the memory figures need Linux.
 */
public final class Benchmark {

  private static final Path GRADER_TARGET = Path.of("target").toAbsolutePath();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private final int coldRuns;
  private final int batchSize;
  private final int batchRuns;
  private final int baselineSample;
  private final int scale;
  private final Path work;
  private final PeakMemory memory = new PeakMemory();
  private final PrintStream log;
  private final TimedCommands commands;

  private Benchmark(
      int coldRuns,
      int batchSize,
      int batchRuns,
      int baselineSample,
      int scale,
      Path work,
      PrintStream log) {
    this.coldRuns = coldRuns;
    this.batchSize = batchSize;
    this.batchRuns = batchRuns;
    this.baselineSample = baselineSample;
    this.scale = scale;
    this.work = work;
    this.log = log;
    this.commands = new TimedCommands(GRADER_TARGET, work.resolve("last-command.err"));
  }

  /**
   * Runs the benchmark; options {@code --cold-runs N} (5), {@code --batch N} (50), {@code
   * --batch-runs N} (5, how many times the batch is graded at each level) and {@code --baseline N}
   * (10, how many submissions of the batch the plain way grades) and {@code --scale N} (0: when
   * above 0, the grader's memory and time per submission are compared between the batch and a
   * generated class of N, both graded without the similarity check, which row 6 times apart).
   */
  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    Benchmark benchmark =
        new Benchmark(
            option(options, "--cold-runs", 5),
            option(options, "--batch", 50),
            option(options, "--batch-runs", 5),
            option(options, "--baseline", 10),
            option(options, "--scale", 0),
            GRADER_TARGET.resolve("benchmark"),
            System.err);
    String report = benchmark.run();
    System.out.println(report);
  }

  /** Times one run at a level, given {@code auto} or {@code jvm}. */
  @FunctionalInterface
  private interface LevelRun {
    Duration at(String level) throws Exception;
  }

  /** Runs {@code run} at both levels, the {@code auto} one first in odd runs, last in even ones. */
  private static IsolationCost.Pair pair(int number, LevelRun run) throws Exception {
    if (number % 2 == 1) {
      Duration auto = run.at("auto");
      return new IsolationCost.Pair(auto, run.at("jvm"));
    }
    Duration jvm = run.at("jvm");
    return new IsolationCost.Pair(run.at("auto"), jvm);
  }

  private static int option(List<String> options, String name, int fallback) {
    int at = options.indexOf(name);
    return at < 0 ? fallback : Integer.parseInt(options.get(at + 1));
  }

  private String run() throws Exception {
    deleteTree(work);
    Files.createDirectories(work);
    Path submissions = generate(work.resolve("class"));

    String isolation = commands.isolationLine(REPOSITORY);
    log.println(isolation);
    Floor floor = Floor.withClassData(work.resolve("floor-jvm"), submissions, "student-00");
    List<IsolationCost.Pair> coldPairs = new ArrayList<>();
    List<Duration> javacAlone = new ArrayList<>();
    List<Duration> coldFloor = new ArrayList<>();
    PeakMemory batchMemory = new PeakMemory();
    List<IsolationCost.Pair> batchPairs = new ArrayList<>();
    List<Duration> batchFloor = new ArrayList<>();
    List<Duration> jvmFloor = new ArrayList<>();
    JvmPerSubmissionFloor standIns = null;
    PeakMemory baselineMemory = new PeakMemory();
    List<Duration> baseline = new ArrayList<>();
    int plainRuns = Math.min(baselineSample, batchSize);
    int rounds = Math.max(1, Math.max(coldRuns, batchRuns));
    // Each round takes a share of every measure, so that the machine's drift over the run (up to
    // a fifth here) weighs on a figure and on the plain way it is compared with alike.
    for (int round = 1; round <= rounds; round++) {
      int number = round;
      if (round <= coldRuns) {
        coldPairs.add(
            pair(round, level -> commands.timed(
                commands.grader("grade", submissions.resolve("student-00").toString(), "-o",
                    work.resolve("cold-" + number + "-" + level).toString(), "--isolation", level),
                REPOSITORY,
                level.equals("auto") ? memory : new PeakMemory())));
        javacAlone.add(
            floorRun(Floor.javacAlone(submissions.resolve("student-00"), work.resolve("javac-" + round))));
        coldFloor.add(floorRun(floor.cold(submissions, "student-00", work.resolve("floor-cold-" + round))));
        log.printf("round %d: cold grade, auto / jvm: %s s; javac alone %s; cold floor %s%n", round,
            coldPairs.get(round - 1).describe(), Figures.seconds(javacAlone.get(round - 1)),
            Figures.seconds(coldFloor.get(round - 1)));
      }
      if (round <= batchRuns) {
        batchPairs.add(
            pair(round, level -> commands.timed(
                commands.grader("batch", submissions.toString(), "--reuse-workers", "-o",
                    batchOutput(number, level).toString(), "--isolation", level),
                REPOSITORY,
                level.equals("auto") ? batchMemory : new PeakMemory())));
        batchFloor.add(floorRun(floor.batch(submissions, work.resolve("floor-" + round))));
        List<Path> compiled = JvmPerSubmissionFloor.compiled(work.resolve("floor-1"));
        if (standIns == null) {
          standIns = JvmPerSubmissionFloor.withClassData(
              work.resolve("floor-standin"), GRADER_TARGET.resolve("lib"), compiled.get(0));
        }
        jvmFloor.add(standIns.run(compiled, work.resolve("floor-standin")));
        log.printf("round %d: batch of %d, auto / jvm: %s s; batch floor %s; a JVM per"
                + " submission %s%n", round, batchSize, batchPairs.get(round - 1).describe(),
            Figures.seconds(batchFloor.get(round - 1)), Figures.seconds(jvmFloor.get(round - 1)));
      }
      for (int i = (round - 1) * plainRuns / rounds; i < round * plainRuns / rounds; i++) {
        baseline.add(plainRun(submissions, i, baselineMemory));
        log.printf("round %d: plain mvn test %s: %s%n", round, studentId(i),
            Figures.seconds(baseline.get(baseline.size() - 1)));
      }
    }
    // The two safe ways, once each after the rounds, for the record: a worker per submission
    // (--no-trusted-verdicts), and the default, the tests here and a defendant per submission.
    Duration freshBatch =
        commands.timed(commands.grader("batch", submissions.toString(), "--no-trusted-verdicts", "-o",
            work.resolve("batch-fresh").toString()), REPOSITORY, batchMemory);
    log.printf("batch of %d, a worker per submission: %s%n", batchSize, Figures.seconds(freshBatch));
    Duration trustedBatch =
        commands.timed(commands.grader("batch", submissions.toString(), "-o",
            work.resolve("batch-trusted").toString()), REPOSITORY, batchMemory);
    log.printf("batch of %d, the default (trusted verdicts): %s%n", batchSize,
        Figures.seconds(trustedBatch));
    List<Duration> cold = coldPairs.stream().map(IsolationCost.Pair::auto).toList();
    Map<String, PeakMemory.Peak> coldMemory = memory.peaks();
    Duration batch = Duration.ofMillis(Math.round(
        Figures.median(batchPairs.stream().map(IsolationCost.Pair::auto).toList()) * 1000));

    Optional<Targets.GraderMemory> graderMemory =
        scale > 0 ? Optional.of(graderMemory(submissions)) : Optional.empty();
    // The target is what an instructor gets the safe way, the default: one run of it.
    Targets targets =
        new Targets(
            Figures.median(cold),
            Figures.mean(baseline),
            trustedBatch.toMillis() / 1000.0,
            batchSize,
            Figures.largestPeak(coldMemory, batchMemory.peaks()),
            graderMemory,
            isolation,
            new Targets.Floors(
                Figures.median(coldFloor), Figures.median(batchFloor), Figures.median(jvmFloor)));
    String report =
        Figures.measures(
                batchSize, cold, coldMemory, batch, batchMemory.peaks(), baseline,
                baselineMemory.peaks())
            + String.format(Locale.ROOT,
                "| 2. the same batch with a worker per submission (`batch"
                    + " --no-trusted-verdicts`), one run | %.1f s, %.1f times faster than the plain way,"
                    + " %.1f times as long as with reuse | |%n",
                freshBatch.toMillis() / 1000.0,
                Figures.mean(baseline) * batchSize * 1000 / freshBatch.toMillis(),
                (double) freshBatch.toMillis() / batch.toMillis())
            + String.format(Locale.ROOT,
                "| 2b. the same batch as `batch` grades it by default (the tests in the grader's"
                    + " JVM, each submission's code in a defendant JVM of its own), one run | %.1f s, %.1f"
                    + " times faster than the plain way, %.2f of the time of a worker per"
                    + " submission | |%n",
                trustedBatch.toMillis() / 1000.0,
                Figures.mean(baseline) * batchSize * 1000 / trustedBatch.toMillis(),
                (double) trustedBatch.toMillis() / freshBatch.toMillis())
            + new IsolationCost(isolation, coldPairs, batchPairs).rows()
            + classViewRow(submissions)
            + String.format(Locale.ROOT,
                "| 7. the floor of a cold grade: `javac` and the hidden tests alone in a new JVM;"
                    + " `javac` alone; medians of %d runs | %.2f s and %.2f s, %.2f and %.2f of"
                    + " one `mvn test` | |%n",
                coldFloor.size(), Figures.median(coldFloor), Figures.median(javacAlone),
                Figures.median(coldFloor) / Figures.mean(baseline),
                Figures.median(javacAlone) / Figures.mean(baseline))
            + String.format(Locale.ROOT,
                "| 8. the floor of the batch: `javac` and the hidden tests alone, one JVM, two"
                    + " threads, median of %d runs | %.1f s, %.1f times faster than the plain way;"
                    + " the grader's batch (auto) / the floor, round by round: %s | |%n",
                batchFloor.size(), Figures.median(batchFloor),
                Figures.mean(baseline) * batchSize / Figures.median(batchFloor),
                roundByRound(batchPairs, batchFloor))
            + String.format(Locale.ROOT,
                "| 9. the floor of a JVM per submission: for each of the %d submissions that"
                    + " compiled in row 8, a new JVM that only calls its code, %d at once, with a"
                    + " class-data archive, median of %d runs | %.1f s; with row 8, %.1f s: %.1f"
                    + " times faster than the plain way | |%n",
                JvmPerSubmissionFloor.compiled(work.resolve("floor-1")).size(),
                Runtime.getRuntime().availableProcessors(), jvmFloor.size(),
                Figures.median(jvmFloor), Figures.median(batchFloor) + Figures.median(jvmFloor),
                Figures.mean(baseline) * batchSize
                    / (Figures.median(batchFloor) + Figures.median(jvmFloor)))
            + "\n"
            + targets.table();
    Files.writeString(work.resolve("benchmark.md"), report, StandardCharsets.UTF_8);
    return report;
  }

  /**
   * Writes the batch: two in five submissions correct, two in five with one question wrong (the
   * faulty cases in turn), one in five broken (a file that does not compile, or no source), each
   * in the packages where a student writes the classes.
   */
  private Path generate(Path folder) throws IOException {
    return generate(folder, batchSize);
  }

  private Path generate(Path folder, int count) throws IOException {
    List<String> faulty = Assembled.cases(Path.of("src", "test", "resources", "faulty"));
    Path faultyRoot = Path.of("src", "test", "resources", "faulty");
    for (int i = 0; i < count; i++) {
      Path student = folder.resolve(studentId(i));
      switch (i % 5) {
        case 0, 1 -> Assembled.reference(student);
        case 2, 3 -> {
          String fault = faulty.get((i / 5 * 2 + i % 5 - 2) % faulty.size());
          Assembled.referenceWith(faultyRoot.resolve(fault), Assembled.questionOf(fault), student);
        }
        default -> {
          if (i % 10 == 4) {
            Assembled.reference(student);
            Path broken = student.resolve(Path.of("dev", "awskit", "solutions", "q06", "DynamoDbManager.java"));
            Files.writeString(broken, Files.readString(broken) + "\n this does not compile\n");
          } else {
            Files.createDirectories(student);
            Files.writeString(student.resolve("notes.txt"), "I forgot to attach my code.\n");
          }
        }
      }
      Assembled.inStudentLayout(student);
    }
    return folder;
  }

  /**
   * Times the class view of 500 students with the graded batch's results and mutually distinct
   * generated code (see {@link ClassViewBench}): the similarity check, the class report and the
   * LMS exports.
   */
  private String classViewRow(Path submissions) throws IOException {
    String code = "independent";
    ClassViewBench.Timing timing =
        new ClassViewBench(submissions, batchOutput(1, "auto"), 500, work.resolve("class-view"), code)
            .run();
    log.print(timing.row(500, code));
    return timing.row(500, code);
  }

  /**
   * Grades the batch and a generated class of {@link #scale} submissions, both without the
   * similarity check and otherwise as {@code batch} grades by default (until 2026-12-06 with
   * reused workers), and returns the grader's peak memory and time per submission in each.
   */
  private Targets.GraderMemory graderMemory(Path submissions) throws Exception {
    Path large = generate(work.resolve("scale-class"), scale);
    PeakMemory smallMemory = new PeakMemory();
    Duration small =
        commands.timed(commands.grader("batch", submissions.toString(), "-o", work.resolve("scale-small").toString(),
            "--no-similarity"), REPOSITORY, smallMemory);
    log.printf("batch of %d without similarity: %s%n", batchSize, Figures.seconds(small));
    PeakMemory largeMemory = new PeakMemory();
    Duration took =
        commands.timed(commands.grader("batch", large.toString(), "-o", work.resolve("scale-large").toString(),
            "--no-similarity"), REPOSITORY, largeMemory);
    log.printf("batch of %d without similarity: %s%n", scale, Figures.seconds(took));
    return new Targets.GraderMemory(
        batchSize,
        smallMemory.peaks().get("grader").mebibytes(),
        scale,
        largeMemory.peaks().get("grader").mebibytes(),
        small.toMillis() / 1000.0 / batchSize,
        took.toMillis() / 1000.0 / scale);
  }

  /** Returns each round's batch at {@code auto} over that round's floor, as "1.05, 0.98". */
  private static String roundByRound(List<IsolationCost.Pair> batches, List<Duration> floors) {
    List<String> ratios = new ArrayList<>();
    for (int round = 0; round < Math.min(batches.size(), floors.size()); round++) {
      ratios.add(String.format(Locale.ROOT, "%.2f",
          batches.get(round).auto().toNanos() / (double) floors.get(round).toNanos()));
    }
    return String.join(", ", ratios);
  }

  /** Times one run of a floor in {@code grader/}. */
  private Duration floorRun(List<String> command) throws Exception {
    return commands.timed(command, GRADER_TARGET.getParent(), new PeakMemory());
  }

  /** Times the plain way on submission {@code i} of the batch: one {@code mvn test}. */
  private Duration plainRun(Path submissions, int i, PeakMemory sampler) throws Exception {
    Path project =
        PlainMavenProject.write(
            GRADER_TARGET, submissions.resolve(studentId(i)), work.resolve("plain").resolve(studentId(i)));
    return commands.timed(
        List.of(REPOSITORY.resolve("mvnw").toString(), "-o", "-q", "-B", "-f",
            project.resolve("pom.xml").toString(), "test",
            "-Dmaven.test.failure.ignore=true", "-Djacoco.skip=true"),
        REPOSITORY,
        sampler,
        false); // a submission that does not compile fails the plain build, as it should
  }

  /** Returns where batch run {@code number} at {@code level} writes its gradebook. */
  private Path batchOutput(int number, String level) {
    return work.resolve("batch-" + number + "-" + level);
  }

  private static String studentId(int i) {
    return String.format(Locale.ROOT, "student-%02d", i);
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
