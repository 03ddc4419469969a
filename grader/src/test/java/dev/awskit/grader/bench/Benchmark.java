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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures how fast the grader grades, and what it costs in memory, on the machine it runs on.
 *
 * <p>Run it with {@code benchmark/run} from the repository's root: it packages the grader, then
 * measures (1) one submission graded cold, several times; (2) a batch of generated submissions;
 * (3) the peak resident memory of every process involved; (4) the plain way, one {@code mvn
 * test} per submission that runs the same hidden tests through Surefire, on a sample of the batch;
 * (5) what the operating-system isolation costs: the cold grades and the batch again at the {@code
 * jvm} level, beside the level {@code auto} gives here. It prints a Markdown report and writes it to {@code grader/target/benchmark/benchmark.md}.
 * Memory is read from {@code /proc}, so the memory figures need Linux.
 */
public final class Benchmark {

  private static final Path GRADER_TARGET = Path.of("target").toAbsolutePath();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  /** Starts the grader as docs/performance.md recommends: a small heap, quick start-up. */
  private static final List<String> RECOMMENDED_JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final int coldRuns;
  private final int batchSize;
  private final int baselineSample;
  private final Path work;
  private final PeakMemory memory = new PeakMemory();
  private final PrintStream log;

  private Benchmark(int coldRuns, int batchSize, int baselineSample, Path work, PrintStream log) {
    this.coldRuns = coldRuns;
    this.batchSize = batchSize;
    this.baselineSample = baselineSample;
    this.work = work;
    this.log = log;
  }

  /**
   * Runs the benchmark; options {@code --cold-runs N} (5), {@code --batch N} (50) and {@code
   * --baseline N} (10, how many submissions of the batch the plain way grades).
   */
  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    Benchmark benchmark =
        new Benchmark(
            option(options, "--cold-runs", 5),
            option(options, "--batch", 50),
            option(options, "--baseline", 10),
            GRADER_TARGET.resolve("benchmark"),
            System.err);
    String report = benchmark.run();
    System.out.println(report);
  }

  private static int option(List<String> options, String name, int fallback) {
    int at = options.indexOf(name);
    return at < 0 ? fallback : Integer.parseInt(options.get(at + 1));
  }

  private String run() throws Exception {
    deleteTree(work);
    Files.createDirectories(work);
    Path submissions = generate(work.resolve("class"));

    String isolation = isolationLine();
    log.println(isolation);
    List<Duration> cold = new ArrayList<>();
    List<Duration> coldJvm = new ArrayList<>();
    for (int run = 1; run <= coldRuns; run++) {
      // Each run grades at the level auto gives, then at the jvm level, so drift hits both alike.
      cold.add(
          timed(
              graderCommand("grade", submissions.resolve("student-00").toString(), "-o",
                  work.resolve("cold-" + run).toString()),
              REPOSITORY));
      log.printf("cold run %d: %s%n", run, seconds(cold.get(cold.size() - 1)));
      coldJvm.add(
          timed(
              graderCommand("grade", submissions.resolve("student-00").toString(), "-o",
                  work.resolve("cold-jvm-" + run).toString(), "--isolation", "jvm"),
              REPOSITORY,
              new PeakMemory()));
      log.printf("cold run %d at the jvm level: %s%n", run, seconds(coldJvm.get(coldJvm.size() - 1)));
    }
    Map<String, PeakMemory.Peak> coldMemory = memory.peaks();

    PeakMemory batchMemory = new PeakMemory();
    Duration batch =
        timed(
            graderCommand("batch", submissions.toString(), "-o", work.resolve("batch").toString()),
            REPOSITORY,
            batchMemory);
    log.printf("batch of %d: %s%n", batchSize, seconds(batch));
    Duration batchJvm =
        timed(
            graderCommand("batch", submissions.toString(), "-o", work.resolve("batch-jvm").toString(),
                "--isolation", "jvm"),
            REPOSITORY,
            new PeakMemory());
    log.printf("batch of %d at the jvm level: %s%n", batchSize, seconds(batchJvm));

    PeakMemory baselineMemory = new PeakMemory();
    List<Duration> baseline = new ArrayList<>();
    for (int i = 0; i < Math.min(baselineSample, batchSize); i++) {
      Path project = baselineProject(submissions.resolve(studentId(i)), work.resolve("plain").resolve(studentId(i)));
      baseline.add(
          timed(
              List.of(REPOSITORY.resolve("mvnw").toString(), "-o", "-q", "-B", "-f",
                  project.resolve("pom.xml").toString(), "test",
                  "-Dmaven.test.failure.ignore=true", "-Djacoco.skip=true"),
              REPOSITORY,
              baselineMemory,
              false)); // a submission that does not compile fails the plain build, as it should
      log.printf("plain mvn test %s: %s%n", studentId(i), seconds(baseline.get(baseline.size() - 1)));
    }

    String report =
        report(cold, coldMemory, batch, batchMemory.peaks(), baseline, baselineMemory.peaks())
            + isolationReport(isolation, cold, coldJvm, batch, batchJvm)
            + classViewRow(submissions);
    Files.writeString(work.resolve("benchmark.md"), report, StandardCharsets.UTF_8);
    return report;
  }

  /**
   * Writes the batch: two in five submissions correct, two in five with one question wrong (the
   * faulty cases in turn), one in five broken (a file that does not compile, or no source).
   */
  private Path generate(Path folder) throws IOException {
    List<String> faulty = Assembled.cases(Path.of("src", "test", "resources", "faulty"));
    Path faultyRoot = Path.of("src", "test", "resources", "faulty");
    for (int i = 0; i < batchSize; i++) {
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
    }
    return folder;
  }

  /**
   * Times the class view of 500 students made from the graded batch (see {@link
   * ClassViewBench}): the similarity check, the class report and the LMS exports.
   */
  private String classViewRow(Path submissions) throws IOException {
    ClassViewBench.Timing timing =
        new ClassViewBench(submissions, work.resolve("batch"), 500, work.resolve("class-view"), false)
            .run();
    log.print(timing.row(500));
    return timing.row(500);
  }

  private static String studentId(int i) {
    return String.format(Locale.ROOT, "student-%02d", i);
  }

  /**
   * Builds a Maven project that grades one submission the plain way: the submission's sources in
   * src/main/java, the grader's hidden tests in target/test-classes, every library the grader uses
   * as a dependency, and Surefire running the hidden tests against the compiled submission.
   */
  private Path baselineProject(Path submission, Path project) throws IOException {
    Path sources = project.resolve(Path.of("src", "main", "java"));
    Files.createDirectories(sources);
    copyTree(submission, sources);
    Path testClasses = project.resolve(Path.of("target", "test-classes"));
    Path hidden = GRADER_TARGET.resolve(Path.of("classes", "dev", "awskit", "grader", "hidden"));
    try (Stream<Path> questions = Files.list(hidden)) {
      for (Path question : questions.filter(Files::isDirectory).toList()) {
        copyTree(question, testClasses.resolve(GRADER_TARGET.resolve("classes").relativize(question)));
      }
    }
    List<Path> libraries = new ArrayList<>();
    libraries.add(GRADER_TARGET.resolve("awskit-grader.jar"));
    try (Stream<Path> lib = Files.list(GRADER_TARGET.resolve("lib"))) {
      // JUnit comes in with its Maven coordinates below, so that Surefire picks its provider.
      lib.filter(jar -> !jar.getFileName().toString().startsWith("solutions"))
          .filter(jar -> !jar.getFileName().toString().matches("(junit-|opentest4j|apiguardian).*"))
          .sorted()
          .forEach(libraries::add);
    }
    StringBuilder dependencies = new StringBuilder();
    for (int i = 0; i < libraries.size(); i++) {
      dependencies.append(
          String.format(
              "    <dependency><groupId>plain</groupId><artifactId>lib%d</artifactId><version>1</version>"
                  + "<scope>system</scope><systemPath>%s</systemPath></dependency>%n",
              i, libraries.get(i)));
    }
    String pom =
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>plain</groupId>
          <artifactId>%s</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
              <version>%s</version><scope>test</scope>
            </dependency>
        %s  </dependencies>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version>
                <configuration><proc>none</proc></configuration>
              </plugin>
              <plugin>
                <artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version>
                <configuration>
                  <systemPropertyVariables>
                    <awskit.submission.classpath>${project.build.outputDirectory}</awskit.submission.classpath>
                    <junit.jupiter.execution.timeout.default>5 s</junit.jupiter.execution.timeout.default>
                    <junit.jupiter.execution.timeout.thread.mode.default>SEPARATE_THREAD</junit.jupiter.execution.timeout.thread.mode.default>
                  </systemPropertyVariables>
                </configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """
            .formatted(project.getFileName(), junitVersion(), dependencies);
    Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
    return project;
  }

  /** Returns the JUnit version the grader ships, read off its jar's name in lib/. */
  private static String junitVersion() throws IOException {
    try (Stream<Path> lib = Files.list(GRADER_TARGET.resolve("lib"))) {
      return lib.map(jar -> jar.getFileName().toString())
          .filter(name -> name.startsWith("junit-jupiter-api-"))
          .map(name -> name.substring("junit-jupiter-api-".length(), name.length() - ".jar".length()))
          .findFirst()
          .orElseThrow(() -> new IOException("No junit-jupiter-api jar in " + GRADER_TARGET.resolve("lib")));
    }
  }

  private List<String> graderCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(RECOMMENDED_JVM_OPTIONS);
    command.add("-jar");
    command.add(GRADER_TARGET.resolve("awskit-grader.jar").toString());
    command.addAll(List.of(args));
    return command;
  }

  private Duration timed(List<String> command, Path directory) throws Exception {
    return timed(command, directory, memory, true);
  }

  private Duration timed(List<String> command, Path directory, PeakMemory sampler) throws Exception {
    return timed(command, directory, sampler, true);
  }

  /**
   * Runs {@code command} while sampling its memory and returns how long it took; with {@code
   * strict}, an exit code other than 0 (graded) or 4 (below the minimum score) is an error.
   */
  private Duration timed(List<String> command, Path directory, PeakMemory sampler, boolean strict)
      throws Exception {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(work.resolve("last-command.err").toFile())
            .start();
    ProcessHandle handle = process.toHandle();
    while (process.isAlive()) {
      sampler.sample(handle);
      Thread.sleep(20);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    int exit = process.exitValue();
    if (strict && exit != 0 && exit != 4) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited with " + exit + ":\n"
              + Files.readString(work.resolve("last-command.err")));
    }
    return took;
  }

  private String report(
      List<Duration> cold,
      Map<String, PeakMemory.Peak> coldMemory,
      Duration batch,
      Map<String, PeakMemory.Peak> batchMemory,
      List<Duration> baseline,
      Map<String, PeakMemory.Peak> baselineMemory) {
    double coldMedian = median(cold);
    double batchSeconds = batch.toMillis() / 1000.0;
    double throughput = batchSize / batchSeconds;
    double plainEach = baseline.stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000.0;
    double plainBatch = plainEach * batchSize;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Machine: %d cores, %s %s, %s%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch")));
    out.append("| measure | result | target |\n|---|---|---|\n");
    out.append(String.format(Locale.ROOT,
        "| 1. one submission graded cold, median of %d runs | %.2f s (runs: %s) | at most 4 s |%n",
        cold.size(), coldMedian,
        cold.stream().map(Benchmark::seconds).collect(Collectors.joining(", "))));
    out.append(String.format(Locale.ROOT,
        "| 2. batch of %d generated submissions | %.1f s, %.2f submissions/s | at least 2 per second |%n",
        batchSize, batchSeconds, throughput));
    out.append(String.format(Locale.ROOT,
        "| 3. peak resident memory per process | %s | at most 512 MB each |%n",
        memoryCell(coldMemory, batchMemory, baselineMemory)));
    out.append(String.format(Locale.ROOT,
        "| 4. plain way, one `mvn test` per submission (%d of the batch) | %.2f s each, %.0f s for the batch | |%n",
        baseline.size(), plainEach, plainBatch));
    out.append(String.format(Locale.ROOT,
        "| 4. ratio, plain way / grader batch | %.1f times faster | at least 10 times |%n",
        plainBatch / batchSeconds));
    return out.toString();
  }

  /** Returns the rows that compare the level auto gives with the jvm level. */
  private static String isolationReport(
      String isolation, List<Duration> cold, List<Duration> coldJvm, Duration batch, Duration batchJvm) {
    double coldRatio = median(cold) / median(coldJvm);
    double batchRatio = batch.toMillis() / (double) batchJvm.toMillis();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "| 5. isolation used (auto) | %s | |%n", isolation.replace("|", "/")));
    out.append(String.format(Locale.ROOT,
        "| 5. cold grade, auto / jvm level | %.2f s / %.2f s = %.2f (%s) | at most 1.10 |%n",
        median(cold), median(coldJvm), coldRatio, coldRatio <= 1.10 ? "met" : "not met"));
    out.append(String.format(Locale.ROOT,
        "| 5. batch, auto / jvm level | %.1f s / %.1f s = %.2f (%s) | at most 1.10 |%n",
        batch.toMillis() / 1000.0, batchJvm.toMillis() / 1000.0, batchRatio,
        batchRatio <= 1.10 ? "met" : "not met"));
    return out.toString();
  }

  /** Returns the line the grader's {@code isolation} command prints on this machine. */
  private String isolationLine() throws Exception {
    Process process =
        new ProcessBuilder(graderCommand("isolation"))
            .directory(REPOSITORY.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output.strip();
  }

  private static String memoryCell(
      Map<String, PeakMemory.Peak> cold,
      Map<String, PeakMemory.Peak> batch,
      Map<String, PeakMemory.Peak> plain) {
    return Stream.of(
            describe("cold", cold), describe("batch", batch), describe("plain", plain))
        .collect(Collectors.joining("; "));
  }

  private static String describe(String phase, Map<String, PeakMemory.Peak> peaks) {
    return phase + ": "
        + peaks.entrySet().stream()
            .filter(entry -> !entry.getKey().equals("shell"))
            .map(entry -> String.format(Locale.ROOT, "%s %.0f MiB (%d %s)",
                entry.getKey(), entry.getValue().mebibytes(), entry.getValue().processes(),
                entry.getValue().processes() == 1 ? "process" : "processes"))
            .collect(Collectors.joining(", "));
  }

  private static double median(List<Duration> durations) {
    List<Long> sorted = durations.stream().map(Duration::toMillis).sorted().toList();
    int middle = sorted.size() / 2;
    double millis = sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    return millis / 1000.0;
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
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
