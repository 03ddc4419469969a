package dev.awskit.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.scoring.AdjustmentPlan;
import dev.awskit.grader.scoring.LatePolicy;
import dev.awskit.grader.scoring.ScoreOverride;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.SubmissionTime;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.testing.ReportSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes every report of the reference (100 points) one day late at 10 % a day and with question
 * 7 lowered by 2 points by the instructor: 100 - 2 - 10 = 88. The raw score stays visible beside
 * both changes in every report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjustedReportsTest {

  private Path reports;
  private Path unadjusted;

  @BeforeAll
  void write(@TempDir Path work) throws IOException {
    Scorecard reference = Graded.referenceScorecard();
    LatePolicy tenPercentADay =
        new LatePolicy(
            OffsetDateTime.parse("2025-01-14T23:59:00Z"),
            Duration.ofMinutes(15),
            new LatePolicy.Amount(10, true),
            LatePolicy.Unit.DAY,
            Optional.empty(),
            Map.of());
    AdjustmentPlan plan =
        new AdjustmentPlan(
            tenPercentADay.assess(
                "alice",
                Optional.of(
                    new SubmissionTime(Instant.parse("2025-01-15T08:00:00Z"), "roster")),
                reference.maxScore()),
            List.of(new ScoreOverride("alice", 7, -2, true, "filter written by hand", 2)));
    reports = work.resolve("adjusted");
    unadjusted = work.resolve("plain");
    Reports.write(
        reference.withAdjustment(plan.applyTo(reference)),
        EnumSet.allOf(ReportFormat.class),
        reports);
    Reports.write(reference, EnumSet.allOf(ReportFormat.class), unadjusted);
  }

  @Test
  void jsonReportKeepsTheRawScoreAndAddsTheAdjustmentWithinItsSchema() throws IOException {
    // when
    JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
    JsonNode plain = new ObjectMapper().readTree(unadjusted.resolve("report.json").toFile());

    // then
    assertThat(ReportSchemas.jsonReport().validate(report)).isEmpty();
    assertThat(report.get("score").asDouble()).isEqualTo(100.0);
    JsonNode adjustment = report.get("adjustment");
    assertThat(adjustment.get("rawScore").asDouble()).isEqualTo(100.0);
    assertThat(adjustment.get("overridePoints").asDouble()).isEqualTo(-2.0);
    assertThat(adjustment.get("latePenalty").asDouble()).isEqualTo(10.0);
    assertThat(adjustment.get("finalScore").asDouble()).isEqualTo(88.0);
    assertThat(adjustment.at("/overrides/0/reason").asText()).isEqualTo("filter written by hand");
    assertThat(adjustment.at("/late/units").asInt()).isEqualTo(1);
    assertThat(adjustment.at("/late/source").asText()).isEqualTo("roster");
    assertThat(plain.has("adjustment")).as("absent when nothing changed the score").isFalse();
  }

  @Test
  void gradescopeGetsTheFinalScoreAndTheRawOneInItsOutput() throws IOException {
    JsonNode results = new ObjectMapper().readTree(reports.resolve("results.json").toFile());

    assertThat(ReportSchemas.gradescopeResults().validate(results)).isEmpty();
    assertThat(results.get("score").asDouble()).isEqualTo(88.0);
    assertThat(results.get("output").asText())
        .contains("Total: 100 / 100")
        .contains("Raw score from the hidden tests: 100 / 100")
        .contains("Question 7: 8 -> 6 (-2) by the instructor: filter written by hand")
        .contains("1 day late, -10 points")
        .contains("Final score: 88 / 100");
  }

  @Test
  void consoleAndMarkdownShowTheRawScoreEveryChangeAndTheFinalScore() throws IOException {
    String console = Files.readString(reports.resolve("report.txt"));
    String markdown = Files.readString(reports.resolve("summary.md"));

    assertThat(console)
        .contains("After grading")
        .contains("Raw score from the hidden tests: 100 / 100")
        .contains("by the instructor: filter written by hand")
        .contains("Final score: 88 / 100");
    assertThat(markdown)
        .startsWith("## Grade: 88 / 100")
        .contains("| **Total** | | **100 / 100** |")
        .contains("- Final score: 88 / 100");
    assertThat(Files.readString(unadjusted.resolve("report.txt"))).doesNotContain("After grading");
  }
}
