package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.scoring.Adjustment;
import dev.awskit.grader.scoring.Lateness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the class report shows the raw scores beside what changed them, and that the
 * platform exports send the final score: ann of the small class scored 10 of 10, lost 1 on
 * question 2 to an override and 2 to lateness, so 7 counts.
 */
class AdjustedClassViewTest {

  private static final Lateness ONE_DAY =
      new Lateness(
          "2026-03-03T09:00:00Z", "roster", "2026-03-02T23:59Z", false, 541, 1, "day", 2, false);

  @TempDir Path folder;

  private static List<StudentRecord> adjustedClass() {
    List<StudentRecord> students = new ArrayList<>(SmallClass.students());
    StudentRecord ann = students.get(0);
    Adjustment adjustment =
        Adjustment.of(
            10,
            List.of(new Adjustment.AppliedOverride(2, 6, 5, "hard-coded queue URL")),
            ONE_DAY);
    students.set(0, new StudentRecord(ann.result().withAdjustment(adjustment), ann.detail()));
    return students;
  }

  @Test
  void theStudentsTableShowsTheRawScoresBesideTheChangesAndWhy() {
    // when
    ClassReport report = ClassReport.of(SmallClass.SCHEME, adjustedClass(), Optional.empty());
    String page = ClassReportPage.render(report, "week 3", Instant.parse("2026-03-04T09:00:00Z"));

    // then
    assertThat(report.layout().columns()).endsWith("total", "overrides", "late_penalty", "final");
    assertThat(report.total().mean()).as("statistics stay on the raw scores").isEqualTo(6.25);
    assertThat(page)
        .contains("<th>after grading</th>")
        .contains("Question 2: 6 -&gt; 5 (-1) by the instructor: hard-coded queue URL")
        .contains("1 day late, -2 points");
  }

  @Test
  void theExportsSendTheFinalScore() throws Exception {
    // given
    Path rosterFile =
        Files.writeString(
            folder.resolve("roster.csv"),
            "submission,name,email\nann,Ann Lee,ann@uni.example\n",
            StandardCharsets.UTF_8);
    StudentResult ann = adjustedClass().get(0).result();

    // when
    LmsExport.write(LmsRoster.read(rosterFile), List.of(ann), 10, "AWS test", folder);

    // then
    assertThat(ann.score("total")).isEqualTo(10.0);
    assertThat(Files.readAllLines(folder.resolve(LmsExport.CANVAS_FILE)))
        .contains("Ann Lee,,,,,7");
    assertThat(Files.readAllLines(folder.resolve(LmsExport.MOODLE_FILE)))
        .contains("ann@uni.example,,,7");
  }

  @Test
  void theRosterGivesSubmissionTimesAndNamesTheLineOfOneThatIsNoDate() throws Exception {
    // given
    Path good =
        Files.writeString(
            folder.resolve("good.csv"),
            "submission,submitted_at\nann,2026-03-03T10:00:00+01:00\nbob,\n");
    Path bad =
        Files.writeString(
            folder.resolve("bad.csv"),
            "submission,submitted_at\nann,2026-03-03T09:00:00Z\nbob,yesterday\n");

    // then
    assertThat(LmsRoster.read(good).submissionTimes())
        .containsExactly(Map.entry("ann", Instant.parse("2026-03-03T09:00:00Z")));
    assertThatThrownBy(() -> LmsRoster.read(bad))
        .hasMessageContaining("line 3: submitted_at 'yesterday' is not a date and time");
  }
}
