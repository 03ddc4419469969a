package dev.awskit.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes, reads and merges gradebooks: CSV quoting, averages, and what a merge refuses. */
class GradebookTest {

  @TempDir Path work;

  private static GradebookRow graded(String student, String... scores) {
    return new GradebookRow(
        student, RowStatus.GRADED, List.of(scores).stream().map(BigDecimal::new).toList(), "");
  }

  private static final List<String> COLUMNS = List.of("q01", "q02", "total");

  @Test
  void studentIdsWithCommasQuotesAndLineBreaksSurviveARoundTrip() throws Exception {
    // given
    List<String> oddIds =
        List.of(
            "o'neil, dave",
            "\"the\" pat",
            "line\nbreak",
            " leading space",
            "=1+1",
            "zoë #1; semi",
            "tab\there");
    List<GradebookRow> rows = oddIds.stream().map(id -> graded(id, "1", "2.5", "3.5")).toList();
    Gradebook gradebook = new Gradebook(COLUMNS, rows);
    Path file = work.resolve("gradebook.csv");

    // when
    gradebook.write(file);
    Gradebook read = Gradebook.read(file);

    // then
    assertThat(read).isEqualTo(gradebook);
    assertThat(read.rows())
        .extracting(GradebookRow::student)
        .containsExactlyInAnyOrderElementsOf(oddIds);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("student,status,q01,q02,total,reason\r\n")
        .contains("\"o'neil, dave\",graded,1,2.5,3.5,\r\n")
        .contains("\"\"\"the\"\" pat\",graded,");
  }

  @Test
  void rowsAreSortedByStudentIdAndPointsHaveTwoDecimalsAtMost() throws Exception {
    // given
    StudentResult zed =
        new StudentResult(
            "zed",
            RowStatus.GRADED,
            "",
            Map.of("q01", 5.0, "q02", 16.0 / 3, "total", 31.0 / 3),
            "",
            "",
            "");
    StudentResult amy =
        new StudentResult("amy", RowStatus.UNUSABLE, "no .java file", Map.of(), "", "", "");
    GradebookLayout layout = new GradebookLayout(COLUMNS, List.of(5.0, 8.0, 13.0));
    Path file = work.resolve("gradebook.csv");

    // when
    Gradebook.of(layout, List.of(zed, amy)).write(file);

    // then
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "student,status,q01,q02,total,reason",
            "amy,unusable,0,0,0,no .java file",
            "zed,graded,5,5.33,10.33,");
  }

  @Test
  void averagesCountOnlyTheGradedStudentsAndGoToTheirOwnFile() throws Exception {
    // given
    Gradebook gradebook =
        new Gradebook(
            COLUMNS,
            List.of(
                graded("a", "5", "8", "13"),
                graded("b", "0", "3", "3"),
                new GradebookRow(
                    "c",
                    RowStatus.UNUSABLE,
                    List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                    "why"),
                graded("d", "2.5", "0", "2.5")));
    Path file = work.resolve("class.csv");

    // when
    gradebook.write(file);
    gradebook.writeAverages(Gradebook.averagesFileOf(file));

    // then
    assertThat(Gradebook.averagesFileOf(file)).hasFileName("class-averages.csv");
    assertThat(Files.readAllLines(work.resolve("class-averages.csv")))
        .containsExactly("measure,graded,q01,q02,total", "average,3,2.5,3.67,6.17");
  }

  @Test
  void aGradebookWithNobodyGradedHasEmptyAverages() throws Exception {
    // given
    Gradebook empty = new Gradebook(COLUMNS, List.of());
    Path file = work.resolve("averages.csv");

    // when
    empty.writeAverages(file);

    // then
    assertThat(Files.readAllLines(file))
        .containsExactly("measure,graded,q01,q02,total", "average,0,,,");
  }

  @Test
  void mergeJoinsTheRowsInStudentOrder() throws Exception {
    // given
    Map<String, Gradebook> shards = new LinkedHashMap<>();
    shards.put(
        "one.csv",
        new Gradebook(
            COLUMNS, List.of(graded("carol", "1", "1", "2"), graded("alice", "5", "8", "13"))));
    shards.put("two.csv", new Gradebook(COLUMNS, List.of(graded("bob", "0", "0", "0"))));

    // when
    Gradebook merged = Gradebook.merge(shards);

    // then
    assertThat(merged.rows())
        .extracting(GradebookRow::student)
        .containsExactly("alice", "bob", "carol");
    assertThat(merged.averages().values())
        .extracting(Gradebook::text)
        .containsExactly("2", "3", "5");
  }

  @Test
  void mergeRefusesAStudentInTwoGradebooks() {
    // given
    Map<String, Gradebook> shards = new LinkedHashMap<>();
    shards.put("one.csv", new Gradebook(COLUMNS, List.of(graded("alice", "5", "8", "13"))));
    shards.put(
        "two.csv",
        new Gradebook(
            COLUMNS, List.of(graded("bob", "0", "0", "0"), graded("alice", "1", "1", "2"))));

    // when / then
    assertThatThrownBy(() -> Gradebook.merge(shards))
        .isInstanceOf(GradebookException.class)
        .hasMessageContaining("'alice' is in one.csv and two.csv");
  }

  @Test
  void mergeRefusesAStudentTwiceInOneGradebook() {
    // given
    Map<String, Gradebook> shards =
        Map.of(
            "one.csv",
            new Gradebook(
                COLUMNS, List.of(graded("alice", "5", "8", "13"), graded("alice", "1", "1", "2"))));

    // when / then
    assertThatThrownBy(() -> Gradebook.merge(shards))
        .isInstanceOf(GradebookException.class)
        .hasMessageContaining("'alice' is in one.csv twice");
  }

  @Test
  void mergeRefusesGradebooksWithOtherColumns() {
    // given
    Map<String, Gradebook> shards = new LinkedHashMap<>();
    shards.put("one.csv", new Gradebook(COLUMNS, List.of(graded("alice", "5", "8", "13"))));
    shards.put("two.csv", new Gradebook(List.of("q01", "total"), List.of(graded("bob", "0", "0"))));

    // when / then
    assertThatThrownBy(() -> Gradebook.merge(shards))
        .isInstanceOf(GradebookException.class)
        .hasMessageContaining("not have the same columns")
        .hasMessageContaining("one.csv has student,status,q01,q02,total,reason")
        .hasMessageContaining("two.csv has student,status,q01,total,reason");
  }

  @Test
  void readRefusesWhatIsNotAGradebookSayingWhereAndWhy() throws Exception {
    // given
    Path averages = work.resolve("gradebook-averages.csv");
    Files.writeString(averages, "measure,graded,q01,total\r\naverage,1,2,3\r\n");
    Path shortRow = work.resolve("short.csv");
    Files.writeString(shortRow, "student,status,q01,total,reason\r\nalice,graded,5\r\n");
    Path badNumber = work.resolve("number.csv");
    Files.writeString(badNumber, "student,status,q01,total,reason\r\nalice,graded,five,5,\r\n");
    Path badStatus = work.resolve("status.csv");
    Files.writeString(badStatus, "student,status,q01,total,reason\r\nalice,done,5,5,\r\n");

    // when / then
    assertThatThrownBy(() -> Gradebook.read(averages)).hasMessageContaining("is not a gradebook");
    assertThatThrownBy(() -> Gradebook.read(shortRow))
        .hasMessageContaining("record 2: 3 cells where the header has 5");
    assertThatThrownBy(() -> Gradebook.read(badNumber))
        .hasMessageContaining("column q01: 'five' is not a number");
    assertThatThrownBy(() -> Gradebook.read(badStatus))
        .hasMessageContaining("unknown status 'done'");
  }

  @Test
  void readAcceptsAByteOrderMarkAndBlankLinesFromASpreadsheet() throws Exception {
    // given
    Path file = work.resolve("edited.csv");
    Files.writeString(file, "\uFEFFstudent,status,q01,total,reason\r\n\r\nalice,graded,5,5,\r\n");

    // when
    Gradebook read = Gradebook.read(file);

    // then
    assertThat(read.rows()).extracting(GradebookRow::student).containsExactly("alice");
  }
}
