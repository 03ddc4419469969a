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
}
