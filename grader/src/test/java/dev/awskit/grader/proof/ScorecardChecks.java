package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.report.Reports;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.TestScore;
import dev.awskit.grader.testing.ReportSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks what the proofs ask of every scorecard a hostile submission gets: reports that follow
 * their schemas, and full marks on every question but the hostile one.
 */
final class ScorecardChecks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScorecardChecks() {}

  static void assertReportsValid(Scorecard scorecard, Path folder) throws IOException {
    Reports.write(scorecard, EnumSet.of(ReportFormat.JSON, ReportFormat.GRADESCOPE), folder);
    JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
    assertThat(ReportSchemas.jsonReport().validate(report))
        .as("schema errors of report.json")
        .isEmpty();
    JsonNode results = JSON.readTree(folder.resolve("results.json").toFile());
    assertThat(ReportSchemas.gradescopeResults().validate(results))
        .as("schema errors of results.json")
        .isEmpty();
    assertThat(report.get("score").asDouble()).isEqualTo(scorecard.score());
  }

  static void assertOthersFull(Scorecard scorecard, int question, String name) {
    assertThat(scorecard.questions())
        .filteredOn(other -> other.number() != question)
        .allSatisfy(
            other ->
                assertThat(other.score())
                    .as(
                        "question %d while %s is graded; its failed tests: %s",
                        other.number(),
                        name,
                        failed(other).stream()
                            .map(test -> test.id() + " -> " + test.outcome())
                            .toList())
                    .isEqualTo(other.maxScore()));
  }

  static List<String> explanations(QuestionScore question) {
    List<String> texts = new ArrayList<>();
    texts.add(question.summary());
    texts.addAll(question.refusals());
    texts.addAll(question.compilerMessages());
    question.tests().forEach(test -> texts.add(test.outcome().feedback()));
    return texts;
  }

  static List<TestScore> failed(QuestionScore question) {
    return question.tests().stream().filter(test -> !test.passed()).toList();
  }

  static Map<String, String> outcomes(Scorecard scorecard) {
    return scorecard.questions().stream()
        .flatMap(question -> question.tests().stream())
        .collect(
            Collectors.toMap(
                TestScore::id,
                test ->
                    test.outcome().getClass().getSimpleName() + ": " + test.outcome().feedback()));
  }
}
