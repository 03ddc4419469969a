package dev.awskit.grader.bench;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.HiddenTestLauncher;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.hidden.TestWatch;
import dev.awskit.grader.hidden.TimeLimitExtension;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Measures what running a submission's hidden tests question by question costs against running
 * them in one launch: in one warm JVM, over folders of compiled submissions, the two ways in
 * alternating rounds, so that the machine's drift weighs on both alike. A worker ran a launch per
 * question until 2026-12-05 and runs one per submission since, on one thread with the methods
 * inline, as this JVM's main thread does here; {@link Floor} runs one launch per submission.
 *
 * <p>Run from {@code grader/} after {@code benchmark/run}, which leaves the floor's compiled
 * submissions in {@code target/benchmark/floor-1}:
 *
 * <pre>
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m \
 *   -cp "target/test-classes:target/classes:target/lib/*" \
 *   dev.awskit.grader.bench.LaunchCost target/benchmark/floor-1 8
 * </pre>
 *
 * <p>Prints, per round, the wall time, the JVM's CPU time and how many tests passed, which must be
 * the same both ways. The first round of each way warms the JVM.
 */
final class LaunchCost {

  private LaunchCost() {}

  public static void main(String[] args) throws IOException {
    List<Path> submissions = compiledSubmissions(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Catalog catalog = Catalog.load();
    HiddenTestLauncher.warmUp(
        catalog.questions().stream().flatMap(q -> q.constructorTypes().stream()).distinct().toList());
    List<List<String>> byQuestion =
        catalog.questions().stream().map(Question::number).map(catalog::testClasses).toList();
    List<List<String>> together = List.of(byQuestion.stream().flatMap(List::stream).toList());
    try (HiddenTestLauncher launcher = new HiddenTestLauncher(System::nanoTime)) {
      // As in a worker, methods run inline on the launching thread; no watcher enforces their
      // limits here, which the compiled submissions of a benchmark do not need.
      launcher.watchInline(new TestWatch(Duration.ofMillis(250), System::nanoTime));
      for (int round = 0; round < rounds; round++) {
        boolean perQuestion = round % 2 == 1;
        AtomicInteger passed = new AtomicInteger();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (Path submission : submissions) {
          Map<String, String> scope =
              Map.of(TimeLimitExtension.THREAD_SCOPE_PARAMETER, submission.toString());
          for (List<String> testClasses : perQuestion ? byQuestion : together) {
            launcher.run(
                new RunRequest(List.of(submission.toString()), testClasses, 5_000, scope, List.of()),
                Set.of(),
                true,
                CancellationToken.disabled(),
                new TestExecutionListener() {},
                event -> {
                  if (event instanceof TestEvent.TestFinished finished
                      && finished.outcome().passed()) {
                    passed.incrementAndGet();
                  }
                });
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%-24s %6.2f s wall %6.2f s CPU %5d tests passed%n",
            perQuestion ? "a launch per question" : "a launch per submission",
            (System.nanoTime() - start) / 1e9,
            (processCpuNanos() - cpuBefore) / 1e9,
            passed.get());
      }
    }
  }

  /** Returns the CPU time this JVM used so far, in nanoseconds: tests, JIT and collector. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Returns the folders of compiled submissions in {@code compiled}, in name order.
   *
   * @throws IllegalArgumentException when there are none
   */
  static List<Path> compiledSubmissions(Path compiled) throws IOException {
    List<Path> submissions;
    try (Stream<Path> list = Files.list(compiled)) {
      submissions = list.filter(Files::isDirectory).sorted().toList();
    }
    if (submissions.isEmpty()) {
      throw new IllegalArgumentException("No compiled submission in " + compiled);
    }
    return submissions;
  }
}
