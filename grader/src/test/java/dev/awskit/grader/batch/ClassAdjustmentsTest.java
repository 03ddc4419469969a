package dev.awskit.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.scoring.LatePolicy;
import dev.awskit.grader.scoring.ScoreOverride;
import dev.awskit.grader.scoring.SubmissionTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies a late policy and overrides to stored results, at the gradebook's level, without
 * grading anything; and finds submission times in their order of preference. The class of {@link
 * FakeClass#SCHEME} is out of 20, so 10 % a day is 2 points.
 */
class ClassAdjustmentsTest {

  private static final Instant DUE = Instant.parse("2025-03-02T22:59:00Z");
  private static final LatePolicy TEN_PERCENT_A_DAY =
      new LatePolicy(
          OffsetDateTime.parse("2025-03-02T23:59:00+01:00"),
          Duration.ZERO,
          new LatePolicy.Amount(10, true),
          LatePolicy.Unit.DAY,
          Optional.of(new LatePolicy.Amount(50, true)),
          Map.of("carol", OffsetDateTime.parse("2025-03-09T23:59:00+01:00")));

  @TempDir Path work;

  private static StudentResult graded(String id, double q1, double q2, double q3) {
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("q01", q1);
    scores.put("q02", q2);
    scores.put("q03", q3);
    scores.put("easy", q1 + q2);
    scores.put("hard", q3);
    scores.put("total", q1 + q2 + q3);
    return new StudentResult(id, RowStatus.GRADED, "", scores, "digest", "settings", "");
  }

  private static Optional<SubmissionTime> at(Instant when) {
    return Optional.of(new SubmissionTime(when, "roster"));
  }

  private ClassAdjustments adjustments() {
    return new ClassAdjustments(
        FakeClass.SCHEME,
        Optional.of(TEN_PERCENT_A_DAY),
        Map.of(
            "alice", List.of(new ScoreOverride("alice", 2, 4, false, "regrade of q2", 2)),
            "bob", List.of(new ScoreOverride("bob", 3, 3, true, "typo in the handout", 3))),
        Map.of(
            "alice", at(DUE.plus(Duration.ofHours(5))),
            "bob", at(DUE.minusSeconds(60)),
            "carol", at(DUE.plus(Duration.ofDays(4))),
            "dave", at(DUE.plus(Duration.ofDays(9)))));
  }

  @Test
  void theGradebookKeepsTheRawScoresBesideWhatChangedThemAndWhy() throws Exception {
    // given: alice one day late (-2) and q2 set from 2 to 4 (+2); bob on time, q3 +3;
    // carol four days after the class but within her extension; dave nine days late (capped -10);
    // erin unusable
    List<StudentResult> results =
        List.of(
            graded("alice", 5, 2, 10),
            graded("bob", 5, 5, 5),
            graded("carol", 1, 1, 1),
            graded("dave", 5, 5, 10),
            new StudentResult("erin", RowStatus.UNUSABLE, "no Java source", Map.of(), "", "", ""));
    ClassAdjustments adjustments = adjustments();
    Path file = work.resolve("gradebook.csv");

    // when
    List<StudentResult> adjusted = results.stream().map(adjustments::applyTo).toList();
    Gradebook.of(GradebookLayout.of(FakeClass.SCHEME, true), adjusted).write(file);

    // then
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .isEqualTo("student,status,q01,q02,q03,easy,hard,total,overrides,late_penalty,final,reason");
    assertThat(lines.get(1))
        .startsWith("alice,graded,5,2,10,7,10,17,2,2,17,")
        .contains("Question 2: 2 -> 4 (+2) by the instructor: regrade of q2")
        .contains("1 day late, -2 points");
    assertThat(lines.get(2)).isEqualTo(
        "bob,graded,5,5,5,10,5,15,3,0,18,Question 3: 5 -> 8 (+3) by the instructor: typo in the"
            + " handout");
    assertThat(lines.get(3)).startsWith("carol,graded,1,1,1,2,1,3,0,0,3,").contains("(extended)");
    assertThat(lines.get(4)).startsWith("dave,graded,5,5,10,10,10,20,0,10,10,").contains("(the cap)");
    assertThat(lines.get(5)).isEqualTo("erin,unusable,0,0,0,0,0,0,0,0,0,no Java source");
    assertThat(adjusted.get(0).finalScore()).isEqualTo(17.0);
    assertThat(adjusted.get(4).finalScore()).isZero();
  }

  @Test
  void theStoredResultsCarryTheAdjustmentSoThatReportsRebuiltFromThemShowIt() throws Exception {
    // given: alice recorded by an earlier run, before any adjustment
    ResultStore store = new ResultStore(work);
    StudentResult alice = graded("alice", 5, 2, 10);
    store.write(alice);
    BatchRun run = new BatchRun(List.of(alice), 0, 1);

    // when
    BatchRun adjusted = adjustments().applyTo(run, store);
    Optional<StudentResult> read = store.read("alice");
    BatchRun cleared = ClassAdjustments.none(FakeClass.SCHEME).applyTo(adjusted, store);

    // then
    StudentResult stored = adjusted.results().get(0);
    assertThat(read).contains(stored);
    assertThat(stored.adjustment().finalScore()).isEqualTo(17.0);
    assertThat(stored.score("total")).as("the raw total stays").isEqualTo(17.0);
    assertThat(stored.adjustment().latePenalty()).isEqualTo(2.0);
    assertThat(cleared.results().get(0)).isEqualTo(alice);
    assertThat(store.read("alice")).contains(alice);
  }

  @Test
  void aStudentsPlanIsPartOfTheirSettingsSoThatAChangeGradesThemAgain() {
    ClassAdjustments none = ClassAdjustments.none(FakeClass.SCHEME);
    ClassAdjustments some = adjustments();
    ClassAdjustments other =
        new ClassAdjustments(
            FakeClass.SCHEME,
            Optional.of(TEN_PERCENT_A_DAY),
            Map.of("alice", List.of(new ScoreOverride("alice", 2, 5, false, "regrade", 2))),
            Map.of("alice", at(DUE.plus(Duration.ofHours(5)))));

    assertThat(none.settingsOf("s", "alice")).isEqualTo("s");
    assertThat(some.settingsOf("s", "alice"))
        .isNotEqualTo("s")
        .isEqualTo(adjustments().settingsOf("s", "alice"))
        .isNotEqualTo(other.settingsOf("s", "alice"));
  }

  @Test
  void submissionTimesComeFromGradescopeThenTheRosterThenFilesWhenAskedFor() throws Exception {
    // given
    Path alice = Files.createDirectories(work.resolve("alice"));
    Files.writeString(
        alice.resolve(SubmissionTimes.METADATA_FILE),
        "{\"id\": 1, \"created_at\": \"2025-03-03T09:22:32.365935-07:00\"}");
    Path bob = Files.createDirectories(work.resolve("bob"));
    Files.writeString(bob.resolve(SubmissionTimes.METADATA_FILE), "{\"created_at\": \"soon\"}");
    Path carol = Files.createDirectories(work.resolve("carol"));
    Path source = Files.writeString(carol.resolve("A.java"), "class A {}");
    Files.setLastModifiedTime(source, FileTime.from(DUE));
    Map<String, Instant> roster = Map.of("alice", DUE, "bob", DUE.plusSeconds(60));
    List<String> problems = new ArrayList<>();

    // when
    SubmissionTimes recorded = new SubmissionTimes(roster, false);
    SubmissionTimes files = new SubmissionTimes(roster, true);

    // then
    assertThat(recorded.of(StudentSubmission.of("alice", alice), problems))
        .contains(
            new SubmissionTime(
                Instant.parse("2025-03-03T16:22:32.365935Z"), SubmissionTimes.METADATA_FILE));
    assertThat(recorded.of(StudentSubmission.of("bob", bob), problems))
        .contains(new SubmissionTime(DUE.plusSeconds(60), SubmissionTimes.ROSTER));
    assertThat(problems).containsExactly(
        "bob/submission_metadata.json: created_at 'soon' is not ISO-8601 with an offset, like"
            + " 2018-07-01T14:22:32.365935-07:00; the next source was used");
    assertThat(recorded.of(StudentSubmission.of("carol", carol), problems)).isEmpty();
    assertThat(files.of(StudentSubmission.of("carol", carol), problems))
        .contains(new SubmissionTime(DUE, SubmissionTimes.FILE_TIMES));
  }

  @Test
  void aZipsOwnModificationTimeIsItsFileTime() throws Exception {
    // given two zips, one of a student the roster names
    Path dave = Files.writeString(work.resolve("dave.zip"), "PK");
    Files.setLastModifiedTime(dave, FileTime.from(DUE.plusSeconds(120)));
    Path erin = Files.writeString(work.resolve("erin.zip"), "PK");
    Files.setLastModifiedTime(erin, FileTime.from(DUE.plusSeconds(180)));
    Map<String, Instant> roster = Map.of("erin", DUE);
    List<String> problems = new ArrayList<>();

    // when
    SubmissionTimes files = new SubmissionTimes(roster, true);
    SubmissionTimes recorded = new SubmissionTimes(roster, false);

    // then the zip's time is used when asked for, after the roster's
    assertThat(files.of(StudentSubmission.of("dave", dave), problems))
        .contains(new SubmissionTime(DUE.plusSeconds(120), SubmissionTimes.FILE_TIMES));
    assertThat(files.of(StudentSubmission.of("erin", erin), problems))
        .contains(new SubmissionTime(DUE, SubmissionTimes.ROSTER));
    assertThat(recorded.of(StudentSubmission.of("dave", dave), problems)).isEmpty();
    assertThat(problems).isEmpty();
  }
}
