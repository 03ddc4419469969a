package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades the reference (100 of 100) with a policy due 2026-03-02T23:59+01:00 at 10 % a started
 * day, capped at 50 %, with an extension for ann@uni.example, as {@code grade} does for one
 * Gradescope submission.
 */
class GradeLatePolicyTest {

  private static final String POLICY =
      """
      late:
        due: 2026-03-02T23:59:00+01:00
        penalty: 10% per day
        cap: 50%
        extensions:
          ann@uni.example: 2026-03-09T23:59:00+01:00
      """;

  @TempDir Path work;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void aPolicyWithADueDate() throws IOException {
    Files.writeString(work.resolve("policy.yaml"), POLICY);
  }

  private int run(String... args) {
    GraderCli cli =
        new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            SubmissionRunner.inProcess(),
            Graded::catalog);
    return cli.execute(args);
  }

  private int grade(String... timeOptions) {
    List<String> args =
        new ArrayList<>(List.of("grade", "--reference", "--policy", "policy.yaml", "-o", "out"));
    args.addAll(List.of(timeOptions));
    return run(args.toArray(String[]::new));
  }

  private JsonNode report(String file) throws IOException {
    return json.readTree(work.resolve("out").resolve(file).toFile());
  }

  @Test
  void aTimeOnTheCommandLineTakesThePenaltyOffTheFinalScore() throws IOException {
    // when 25 hours after the due date: two started days
    int exit = grade("--submitted-at", "2026-03-04T00:59:00+01:00");

    // then
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    JsonNode adjustment = report("report.json").get("adjustment");
    assertThat(adjustment.get("rawScore").asDouble()).isEqualTo(100.0);
    assertThat(adjustment.get("latePenalty").asDouble()).isEqualTo(20.0);
    assertThat(adjustment.get("finalScore").asDouble()).isEqualTo(80.0);
    assertThat(adjustment.get("late").get("source").asText())
        .isEqualTo(SubmissionTimeOptions.COMMAND_LINE);
    assertThat(report("results.json").get("score").asDouble()).isEqualTo(80.0);
    assertThat(out.toString())
        .contains(
            "Raw score from the hidden tests: 100 / 100",
            "2 days late, -20 points",
            "Final score: 80 / 100");
  }

  @Test
  void gradescopesMetadataGivesTheTimeAndItsUsersMayHaveAnExtension() throws IOException {
    // given two Gradescope submissions, a week late: bob's, and ann's, who has an extension
    Path bob = metadata("bob.json", "2026-03-09T12:00:00.123456-07:00", "bob@uni.example");
    Path ann = metadata("ann.json", "2026-03-09T12:00:00.123456-07:00", "ann@uni.example");

    // when
    int bobExit = grade("--submission-metadata", bob.toString());
    JsonNode bobs = report("report.json").get("adjustment");
    int annExit = grade("--submission-metadata", ann.toString());
    JsonNode anns = report("report.json").get("adjustment");

    // then bob pays the cap; ann is on time
    assertThat(bobExit).isEqualTo(ExitCodes.OK);
    assertThat(bobs.get("latePenalty").asDouble()).isEqualTo(50.0);
    assertThat(bobs.get("late").get("capped").asBoolean()).isTrue();
    assertThat(bobs.get("late").get("source").asText()).isEqualTo("submission_metadata.json");
    assertThat(annExit).isEqualTo(ExitCodes.OK);
    assertThat(anns.get("latePenalty").asDouble()).isZero();
    assertThat(anns.get("late").get("extended").asBoolean()).isTrue();
    assertThat(anns.get("finalScore").asDouble()).isEqualTo(100.0);
  }

  @Test
  void anUnreadableTimeOnTheCommandLineGradesNothing() {
    // when
    int exit = grade("--submitted-at", "3 March, after lunch");

    // then
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains(
            "--submitted-at '3 March, after lunch' is not a date and time; write ISO-8601 with an"
                + " offset, like 2026-03-02T23:59:00+01:00 or 2026-03-02T22:59:00Z.");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @Test
  void aTimeWithoutAnOffsetIsRefusedWithWhatToAdd() {
    // when
    int exit = grade("--submitted-at", "2026-03-03T09:15:00");

    // then
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("has no offset from UTC; add one, like");
  }

  @Test
  void bothSourcesOrAMissingMetadataFileAreUsageErrors() throws IOException {
    Path metadata = metadata("m.json", "2026-03-03T09:15:00+01:00", "bob@uni.example");

    assertThat(
            grade(
                "--submitted-at", "2026-03-03T09:15:00+01:00",
                "--submission-metadata", metadata.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Give --submission-metadata or --submitted-at, not both.");
    assertThat(grade("--submission-metadata", "nowhere.json")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("--submission-metadata nowhere.json: no such file. On Gradescope it is");
  }

  @Test
  void brokenMetadataGradesWithTheTimeUnknownAndSaysSo() throws IOException {
    // given Gradescope's file with a created_at that is no date
    Path broken = Files.writeString(work.resolve("broken.json"), "{\"created_at\": \"soon\"}");

    // when
    int exit = grade("--submission-metadata", broken.toString());

    // then
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(err.toString())
        .contains("Warning: " + broken + ": created_at 'soon' is not ISO-8601 with an offset");
    JsonNode adjustment = report("report.json").get("adjustment");
    assertThat(adjustment.get("latePenalty").asDouble()).isZero();
    assertThat(adjustment.get("late").get("submittedAt").asText()).isEmpty();
    assertThat(out.toString()).contains("Submission time unknown, so no late penalty");
  }

  @Test
  void withoutATimeOrWithoutALateSectionNothingChangesAndANoteSaysWhy() throws IOException {
    // when the policy has a due date but no time is given
    int withoutTime = grade();
    boolean adjusted = report("report.json").has("adjustment");
    String withoutTimeNote = err.toString();
    // and when a time is given but the policy has no late section
    Files.writeString(work.resolve("policy.yaml"), "questions:\n  1:\n    points: 10\n");
    int withoutLate = grade("--submitted-at", "2026-03-04T00:59:00+01:00");

    // then
    assertThat(withoutTime).isEqualTo(ExitCodes.OK);
    assertThat(adjusted).isFalse();
    assertThat(withoutTimeNote).contains("no submission time", "so there is no late penalty");
    assertThat(withoutLate).isEqualTo(ExitCodes.OK);
    assertThat(report("report.json").has("adjustment")).isFalse();
    assertThat(err.toString()).contains("the policy has no late section");
  }

  @Test
  void helpListsTheTimeOptions() {
    assertThat(run("help", "grade")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString())
        .contains("--submission-metadata=FILE", "--submitted-at=TIME", "late section");
  }

  private Path metadata(String name, String createdAt, String email) throws IOException {
    return Files.writeString(
        work.resolve(name),
        """
        {
          "id": 123456,
          "created_at": "%s",
          "assignment": {"due_date": "2026-03-02T23:59:00.000000+01:00", "title": "AWS kit"},
          "users": [{"email": "%s", "id": 1234, "name": "A Student"}]
        }
        """
            .formatted(createdAt, email));
  }
}
