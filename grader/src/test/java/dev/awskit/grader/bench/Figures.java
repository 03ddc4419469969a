package dev.awskit.grader.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Formats and summarises the benchmark's measurements. */
final class Figures {

  private Figures() {}

  static String memoryCell(
      Map<String, PeakMemory.Peak> cold,
      Map<String, PeakMemory.Peak> batch,
      Map<String, PeakMemory.Peak> plain) {
    return Stream.of(
            describe("cold", cold), describe("batch", batch), describe("plain", plain))
        .collect(Collectors.joining("; "));
  }

  static String describe(String phase, Map<String, PeakMemory.Peak> peaks) {
    return phase + ": "
        + peaks.entrySet().stream()
            .filter(entry -> !entry.getKey().equals("shell"))
            .map(entry -> String.format(Locale.ROOT, "%s %.0f MiB (%d %s)",
                entry.getKey(), entry.getValue().mebibytes(), entry.getValue().processes(),
                entry.getValue().processes() == 1 ? "process" : "processes"))
            .collect(Collectors.joining(", "));
  }

  static double median(List<Duration> durations) {
    List<Long> sorted = durations.stream().map(Duration::toMillis).sorted().toList();
    int middle = sorted.size() / 2;
    double millis = sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    return millis / 1000.0;
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
  }

  @SafeVarargs
  static double largestPeak(Map<String, PeakMemory.Peak>... phases) {
    return Stream.of(phases)
        .flatMap(peaks -> peaks.entrySet().stream())
        .filter(entry -> !entry.getKey().equals("shell"))
        .mapToDouble(entry -> entry.getValue().mebibytes())
        .max()
        .orElse(0);
  }

  static double mean(List<Duration> durations) {
    return durations.stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000.0;
  }

  /** Returns the table of the first measures: the cold grade, the batch, memory, the plain way. */
  static String measures(
      int batchSize,
      List<Duration> cold,
      Map<String, PeakMemory.Peak> coldMemory,
      Duration batch,
      Map<String, PeakMemory.Peak> batchMemory,
      List<Duration> baseline,
      Map<String, PeakMemory.Peak> baselineMemory) {
    double coldMedian = median(cold);
    double batchSeconds = batch.toMillis() / 1000.0;
    double throughput = batchSize / batchSeconds;
    double plainEach = mean(baseline);
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
        cold.stream().map(Figures::seconds).collect(Collectors.joining(", "))));
    out.append(String.format(Locale.ROOT,
        "| 2. batch of %d generated submissions (`--reuse-workers`) | %.1f s, %.2f submissions/s | at least 2 per second |%n",
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
}
