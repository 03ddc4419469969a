package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.classview.TestStats.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassReportTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private final ClassReport report = ClassReport.of(SmallClass.SCHEME, SmallClass.students());

  @Test
  void countsOnlyTheGradedStudentsInTheStatistics() {
    // given the small class: eve is unusable

    // then q01 [4 2 0 4] over totals [10 2 3 10]: mean 2.5, median 3, half full, a quarter zero
    assertThat(report.graded()).isEqualTo(4);
    ItemStats q01 = report.questions().get(0).stats();
    assertThat(q01.mean()).isEqualTo(2.5);
    assertThat(q01.median()).isEqualTo(3.0);
    assertThat(q01.shareFull()).isEqualTo(0.5);
    assertThat(q01.shareZero()).isEqualTo(0.25);
    assertThat(q01.difficulty()).isEqualTo(0.625);
    // rest = q02 [6 0 3 6]: products 10.5, squares 11 and 24.75, r = 10.5 / 16.5
    assertThat(q01.discrimination()).isCloseTo(10.5 / 16.5, within(1e-12));
    // groups of 1: weakest bob (2) has 2, best dee (10, after ann in the sort) has 4
    assertThat(q01.upperLower()).isCloseTo(0.5, within(1e-12));
    assertThat(report.total().mean()).isEqualTo(6.25);
    assertThat(report.totalHistogram()).containsExactly(0, 0, 1, 1, 0, 0, 0, 0, 0, 2);
    assertThat(report.isolationLevels()).containsEntry("os", 3L).containsEntry("jvm", 1L);
  }

  @Test
  void groupsEachTestsFailureMessagesCommonestFirst() {
    // when
    TestStats t2a = test("t2a");
    TestStats t1b = test("t1b");

    // then
    assertThat(t2a.passRate()).isEqualTo(0.5);
    assertThat(t2a.failures()).containsExactly(new Failure(SmallClass.PAGES, 2));
    assertThat(t1b.passed()).isEqualTo(2);
    assertThat(t1b.ran()).isEqualTo(4);
    assertThat(t1b.failures()).extracting(Failure::count).containsExactly(1, 1);
    assertThat(test("t1a").passRate()).isEqualTo(0.75);
    assertThat(report.tests()).extracting(TestStats::question).containsExactly(1, 1, 2, 2);
  }

  @Test
  void listsTheStudentsNeedingAttentionWithEveryReason() {
    assertThat(report.attention())
        .extracting(Attention::student)
        .containsExactly("bob", "cid", "eve");
    assertThat(report.attention().get(0).reasons()).containsExactly("1 test timed out");
    assertThat(report.attention().get(1).reasons())
        .containsExactly(
            "did not compile: q01/Buckets.java",
            "1 test ended the worker JVM (a crash or exit)",
            "tests ran at isolation level jvm, most of the class at os");
    assertThat(report.attention().get(2).reasons()).containsExactly("unusable: no Java source");
  }

  @Test
  void pageIsSelfContainedWithLabelledCharts() {
    // when
    String page = ClassReportPage.render(report, "week <3>", NOW);

    // then nothing is fetched: no external script, style, image or font
    assertThat(page).doesNotContain("<link", " src=", "@import", "url(http");
    assertThat(page).contains("<h1>Class report: week &lt;3&gt;</h1>");
    // (AssertJ's containsSubsequence is slow on a page this size)
    assertThat(
            Stream.of("totals", "questions", "tests", "attention", "similarity", "students")
                .map(id -> page.indexOf("<section id=\"" + id + "\">")))
        .doesNotContain(-1)
        .isSorted();
    assertThat(page.split("<svg", -1)).hasSize(4);
    assertThat(page).contains("<title id=\"chart-totals-title\">Distribution of totals</title>");
    assertThat(page).contains("2-3 points: 1, 3-4 points: 1, 4-5 points: 0");
    assertThat(page).contains("2 &times; " + SmallClass.PAGES);
    assertThat(page).contains("<td>eve</td><td>unusable</td>");
  }

  @Test
  void listsTheSimilarPairsAsLeadsWithTheirQuestions() {
    // given
    Similarity similarity =
        new Similarity(
            0.5,
            4,
            "exercises/src/main/java",
            List.of(new SimilarPair("ann", "bob", 0.91, 0.95, List.of(1, 2))),
            List.of("eve: no Java source"));

    // when
    String page =
        ClassReportPage.render(
            ClassReport.of(SmallClass.SCHEME, SmallClass.students(), Optional.of(similarity)),
            "small",
            NOW);

    // then
    assertThat(page)
        .contains("<tr><td>ann</td><td>bob</td><td class=\"num\" data-sort=\"0.91\">91 %</td>")
        .contains("<td>Q1, Q2</td>", "a lead to look into", "Nothing here changes a score")
        .contains("<li>eve: no Java source</li>");
  }

  @Test
  void writesThePageFromTheStoredResults(@TempDir Path output) throws IOException {
    // given results stored as a batch stores them, and one student's JSON report
    ResultStore store = new ResultStore(output);
    for (StudentRecord student : SmallClass.students()) {
      store.write(student.result());
    }
    Files.writeString(
        store.folderOf("bob").resolve("report.json"),
        """
        {"isolation": {"level": "os"}, "compileProblems": [], "vettingProblems": [],
         "questions": [{"number": 1, "status": "partial", "tests": [
           {"id": "dev.awskit.Fake#t1a", "name": "checks t1a", "status": "timed-out",
            "feedback": "too slow", "detail": ""}]}]}
        """);

    // when
    ClassReport written =
        ClassReportFiles.write(
            store, SmallClass.SCHEME, store.readAll(), output.resolve("class-report.html"), NOW);

    // then
    assertThat(output.resolve("class-report.html"))
        .content()
        .contains("<td>bob</td><td>graded</td>");
    assertThat(written.students()).hasSize(5);
    assertThat(written.attention()).extracting(Attention::student).containsExactly("bob", "eve");
    assertThat(test(written, "t1a").ran()).isEqualTo(1);
    assertThat(output).isDirectoryNotContaining("glob:**.tmp");
  }

  private TestStats test(String name) {
    return test(report, name);
  }

  private static TestStats test(ClassReport report, String name) {
    return report.tests().stream()
        .filter(test -> test.id().equals(SmallClass.testId(name)))
        .findFirst()
        .orElseThrow();
  }
}
