package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.batch.StudentResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmsExportTest {

  @TempDir Path folder;

  private static final List<StudentResult> RESULTS =
      List.of(
          result("alice", RowStatus.GRADED, 92.5),
          result("bob", RowStatus.ERROR, 0),
          result("carol", RowStatus.UNUSABLE, 0),
          result("zoe", RowStatus.GRADED, 71));

  @Test
  void writesCanvasAndMoodleRowsForEveryRosterStudentAndListsTheUnmatched() throws Exception {
    // given dan handed in nothing; zoe is not in the roster
    LmsRoster roster =
        LmsRoster.read(
            file(
                "roster.csv",
                """
                submission,name,canvas_id,sis_user_id,sis_login_id,section,email
                alice,"Liddell, Alice",1001,S1,aliddell,A,alice@uni.example
                bob,Bob Stone,1002,S2,bstone,A,bob@uni.example
                carol,Carol Ng,1003,S3,cng,B,carol@uni.example
                ,Dan Roe,1004,S4,droe,B,dan@uni.example
                """));

    // when
    LmsExport.Outcome outcome = LmsExport.write(roster, RESULTS, 100, "AWS test", folder);

    // then
    assertThat(Files.readAllLines(folder.resolve(LmsExport.CANVAS_FILE)))
        .containsExactly(
            "Student,ID,SIS User ID,SIS Login ID,Section,AWS test",
            "Points Possible,,,,,100",
            "\"Liddell, Alice\",1001,S1,aliddell,A,92.5",
            "Bob Stone,1002,S2,bstone,A,",
            "Carol Ng,1003,S3,cng,B,0",
            "Dan Roe,1004,S4,droe,B,0");
    assertThat(Files.readAllLines(folder.resolve(LmsExport.MOODLE_FILE)))
        .containsExactly(
            "Email address,ID number,Username,AWS test",
            "alice@uni.example,,,92.5",
            "bob@uni.example,,,",
            "carol@uni.example,,,0",
            "dan@uni.example,,,0");
    assertThat(Files.readAllLines(folder.resolve(LmsExport.UNMATCHED_FILE)))
        .containsExactly("submission,status,total,reason", "zoe,graded,71,");
    assertThat(outcome.unmatched()).containsExactly("zoe");
    assertThat(outcome.withoutScore()).containsExactly("bob");
    assertThat(outcome.exported()).isEqualTo(4);
  }

  @Test
  void refusesARosterWithoutSubmissionColumnOrWithAnUnknownColumnOrATwiceNamedSubmission()
      throws IOException {
    Path noSubmission = file("a.csv", "name,email\nAlice,a@x\n");
    Path unknownColumn = file("b.csv", "submission,phone\nalice,123\n");
    Path twice = file("c.csv", "submission,name\nalice,A\nalice,B\n");

    assertThatThrownBy(() -> LmsRoster.read(noSubmission))
        .hasMessageContaining("no 'submission' column");
    assertThatThrownBy(() -> LmsRoster.read(unknownColumn)).hasMessageContaining("column 'phone'");
    assertThatThrownBy(() -> LmsRoster.read(twice))
        .hasMessageContaining("names submission 'alice' a second time");
    assertThatThrownBy(() -> LmsRoster.read(folder.resolve("missing.csv")))
        .hasMessageContaining("Cannot read the roster");
  }

  @Test
  void namesTheSubmissionsTheClassDoesNotHave() throws Exception {
    LmsRoster roster = LmsRoster.read(file("r.csv", "submission\nalice\nzed\n\nyan\n"));

    assertThat(roster.unknown(List.of("alice", "bob"))).containsExactly("yan", "zed");
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static StudentResult result(String id, RowStatus status, double total) {
    return new StudentResult(id, status, "", Map.of("total", total), "", "", "");
  }
}
