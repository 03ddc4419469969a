package dev.awskit.grader.bench;

import dev.awskit.grader.vetting.StaticVetting;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures what the static vetting costs: in one JVM, it vets every folder of compiled
 * submissions again and again, and prints each round's processor time (the first round warms the
 * JVM) and how many violations it found, which must be the same in every round.
 *
 * <p>Run from {@code grader/} after {@code benchmark/run}, which leaves the floor's compiled
 * submissions in {@code target/benchmark/floor-1}:
 *
 * <pre>
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m \
 *   -cp "target/test-classes:target/classes:target/lib/*" \
 *   dev.awskit.grader.bench.VettingCost target/benchmark/floor-1 6
 * </pre>
 */
final class VettingCost {

  private VettingCost() {}

  public static void main(String[] args) throws IOException {
    List<Path> submissions = LaunchCost.compiledSubmissions(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    StaticVetting vetting = new StaticVetting();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      long cpuBefore = threads.getCurrentThreadCpuTime();
      int violations = 0;
      for (Path submission : submissions) {
        violations += vetting.vet(submission).violations().size();
      }
      System.out.printf(
          Locale.ROOT,
          "round %d: %d submissions vetted in %.2f s of CPU, %d violations%n",
          round,
          submissions.size(),
          (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9,
          violations);
    }
  }
}
