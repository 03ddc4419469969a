package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.awskit.grader.engine.HiddenTest;
import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.report.Reports;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the GitHub workflow publishes nothing a student should not read: it writes the
 * reports its grade step asks for, gathers every file the job summary and the artifact take, and
 * scans them for stack traces, the grader's packages and the hidden tests' class and method
 * names. The same scan over every report format finds such leaks, so it can fail.
 */
class StudentSafeWorkflowTest {

  private static final Pattern FORMAT = Pattern.compile("--format (\\w+)");
  private static final Pattern SUMMARY =
      Pattern.compile("cat (\\S+) >> \"\\$GITHUB_STEP_SUMMARY\"");

  @TempDir Path repository;

  @Test
  void everythingTheWorkflowPublishesIsFreeOfTracesAndHiddenTestNames() throws IOException {
    // given
    List<JsonNode> steps = steps();
    Set<ReportFormat> formats = formatsOfTheGradeStep(steps);
    Scorecard stubs = Scorer.score(Graded.scheme(), Graded.stubs());
    Reports.write(stubs, formats, repository.resolve("grading-reports"));

    // when
    Map<String, String> published = new LinkedHashMap<>();
    for (String path : artifactPaths(steps)) {
      read(repository.resolve(path), published);
    }
    for (JsonNode step : steps) {
      Matcher summary = SUMMARY.matcher(step.path("run").asText());
      while (summary.find()) {
        read(repository.resolve(summary.group(1)), published);
      }
    }
    if (formats.contains(ReportFormat.CONSOLE)) {
      // The grade step prints the console report into the job's log.
      read(
          repository.resolve("grading-reports").resolve(ReportFormat.CONSOLE.fileName()),
          published);
    }

    // then
    assertThat(published.keySet())
        .as("what the workflow publishes")
        .contains("grading-reports/results.json", "grading-reports/summary.md");
    published.forEach(
        (file, text) -> assertThat(leaks(text)).as("instructor-only text in %s", file).isEmpty());
  }

  @Test
  void theScanFindsTheTracesAndNamesThatTheInstructorsReportsHold() throws IOException {
    // given
    Scorecard stubs = Scorer.score(Graded.scheme(), Graded.stubs());
    Path folder = repository.resolve("all-reports");

    // when
    Reports.write(stubs, EnumSet.allOf(ReportFormat.class), folder);

    // then
    assertThat(leaks(Files.readString(folder.resolve("report.json")))).isNotEmpty();
    assertThat(leaks(Files.readString(folder.resolve("junit.xml")))).isNotEmpty();
  }

  /** Returns what in {@code text} a student should not see. */
  private static List<String> leaks(String text) {
    List<String> leaks = new ArrayList<>();
    List<String> markers =
        List.of("\tat ", "at dev.awskit.", "dev.awskit.grader", "dev/awskit/grader");
    for (String marker : markers) {
      if (text.contains(marker)) {
        leaks.add("a trace or the grader's packages: " + marker.strip());
      }
    }
    for (HiddenTest test : Graded.catalog().tests()) {
      String simpleName = test.className().substring(test.className().lastIndexOf('.') + 1);
      if (Pattern.compile("\\b" + Pattern.quote(simpleName.replaceAll("\\$.*", "")) + "\\b")
          .matcher(text)
          .find()) {
        leaks.add("a hidden test class: " + simpleName);
      }
      boolean camelCase = !test.methodName().equals(test.methodName().toLowerCase(Locale.ROOT));
      if (camelCase && Pattern.compile("\\b" + test.methodName() + "\\b").matcher(text).find()) {
        leaks.add("a hidden test method: " + test.methodName());
      }
    }
    return leaks.stream().distinct().toList();
  }

  private static List<JsonNode> steps() throws IOException {
    JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(GitHubWorkflow.template());
    List<JsonNode> steps = new ArrayList<>();
    workflow.path("jobs").path("grade").path("steps").forEach(steps::add);
    return steps;
  }

  private static Set<ReportFormat> formatsOfTheGradeStep(List<JsonNode> steps) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (JsonNode step : steps) {
      Matcher format = FORMAT.matcher(step.path("run").asText());
      while (format.find()) {
        formats.add(ReportFormat.of(format.group(1)).orElseThrow());
      }
    }
    assertThat(formats).as("the report formats the grade step asks for").isNotEmpty();
    return formats;
  }

  private static List<String> artifactPaths(List<JsonNode> steps) {
    return steps.stream()
        .filter(step -> step.path("uses").asText().startsWith("actions/upload-artifact@"))
        .flatMap(step -> step.path("with").path("path").asText().lines())
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** Reads a published file, or every file under a published folder, keyed by relative name. */
  private void read(Path path, Map<String, String> published) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = repository.relativize(file).toString().replace('\\', '/');
        published.put(name, Files.readString(file));
      }
    }
  }
}
