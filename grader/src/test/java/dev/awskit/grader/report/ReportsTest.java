package dev.awskit.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.scoring.PolicyException;
import dev.awskit.grader.scoring.PolicyFile;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.testing.ReportSchemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes every report of two submissions, the reference and one with a faulty question, a
 * compile error, a contract file and a broken helper, and checks them against their schemas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Scorecard mixed;
  private Path mixedReports;
  private Path referenceReports;

  @BeforeAll
  void gradeAndWrite(@TempDir Path work) throws IOException, PolicyException {
    Path submission =
        Assembled.referenceWith(
            Path.of("src", "test", "resources", "faulty", "q03", "swallows-s3-errors"),
            3,
            work.resolve("mixed"));
    Path q06 = submission.resolve("dev/awskit/solutions/q06/DynamoDbManager.java");
    Files.writeString(q06, Files.readString(q06).replace("return true;", "return true"));
    Path contract = submission.resolve("dev/awskit/exercises/q06/ItemStore.java");
    Files.createDirectories(contract.getParent());
    Files.writeString(contract, "package dev.awskit.exercises.q06;\npublic interface ItemStore {}\n");
    Path helper = submission.resolve("helpers/Broken.java");
    Files.createDirectories(helper.getParent());
    Files.writeString(helper, "class Broken { int x = \"<not a number> & \u0007\"; }\n");
    String policy =
        """
        visibility: after_due_date
        questions:
          3:
            visibility: visible
        """;
    mixed =
        Scorer.score(
            PolicyFile.parse("policy.yaml", policy, Graded.catalog()),
            Graded.grade(new SubmissionSource.SourceFolder(submission)));
    mixedReports =
        write(mixed, work.resolve("mixed-reports"));
    referenceReports = write(Graded.referenceScorecard(), work.resolve("reference-reports"));
  }

  private static Path write(Scorecard scorecard, Path folder) throws IOException {
    List<Path> files = Reports.write(scorecard, EnumSet.allOf(ReportFormat.class), folder);
    assertThat(files)
        .extracting(file -> file.getFileName().toString())
        .containsExactly("report.txt", "report.json", "results.json", "junit.xml", "summary.md");
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left.map(file -> file.getFileName().toString()))
          .as("each report is moved into place whole; no partial file is left")
          .containsExactlyInAnyOrder(
              "report.txt", "report.json", "results.json", "junit.xml", "summary.md");
    }
    return folder;
  }

  @Test
  void mixedSubmissionScoresWhatItShould() {
    assertThat(mixed.question(3).orElseThrow().score()).isLessThan(5);
    assertThat(mixed.question(6).orElseThrow().score()).isZero();
    assertThat(mixed.skippedFiles()).hasSize(1);
    assertThat(mixed.compileProblems()).hasSize(2);
  }

  @Test
  void jsonReportFollowsItsSchema() throws IOException {
    JsonSchema schema = ReportSchemas.jsonReport();

    for (Path folder : List.of(mixedReports, referenceReports)) {
      JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
      assertThat(schema.validate(report)).as("schema errors in %s", folder).isEmpty();
    }
    JsonNode report = JSON.readTree(mixedReports.resolve("report.json").toFile());
    assertThat(report.get("score").asDouble()).isEqualTo(mixed.score());
    assertThat(report.get("compileProblems")).hasSize(2);
  }

  @Test
  void gradescopeResultsFollowGradescopesSpecification() throws IOException {
    JsonSchema schema = ReportSchemas.gradescopeResults();

    for (Path folder : List.of(mixedReports, referenceReports)) {
      JsonNode results = JSON.readTree(folder.resolve("results.json").toFile());
      Set<ValidationMessage> errors = schema.validate(results);
      assertThat(errors).as("schema errors in %s", folder).isEmpty();
      assertThat(results.get("tests")).hasSize(Graded.catalog().tests().size());
      // Summed as written, in decimal: the tests' max_score must add up to exactly 100.
      BigDecimal maxTotal =
          StreamSupport.stream(results.get("tests").spliterator(), false)
              .map(test -> new BigDecimal(test.get("max_score").asText()))
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(maxTotal).as("sum of max_score in %s", folder).isEqualByComparingTo("100");
    }
    JsonNode results = JSON.readTree(mixedReports.resolve("results.json").toFile());
    assertThat(results.get("score").asDouble()).isEqualTo(mixed.score());
    assertThat(results.get("output").asText()).contains("DynamoDbManager.java:");
    for (JsonNode test : results.get("tests")) {
      assertThat(test.get("output").asText()).as("student output").doesNotContain("\tat ", "dev.awskit.grader.");
      String expected = test.get("number").asText().startsWith("3.") ? "visible" : "after_due_date";
      assertThat(test.get("visibility").asText()).isEqualTo(expected);
    }
  }

  @Test
  void junitXmlIsWellFormedWithASuitePerQuestion() throws Exception {
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(mixedReports.resolve("junit.xml").toFile());

    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getElementsByTagName("testsuite").getLength())
        .isEqualTo(Graded.catalog().questions().size());
    assertThat(Integer.parseInt(root.getAttribute("tests"))).isEqualTo(Graded.catalog().tests().size());
    int failed =
        Integer.parseInt(root.getAttribute("failures")) + Integer.parseInt(root.getAttribute("errors"));
    long expected =
        mixed.questions().stream().flatMap(q -> q.tests().stream()).filter(t -> !t.passed()).count();
    assertThat(failed).isEqualTo(expected);
  }

  @Test
  void markdownSummaryHasTheTotalAndTheFeedback() throws IOException {
    String markdown = Files.readString(mixedReports.resolve("summary.md"));

    assertThat(markdown).startsWith("## Grade: " + Text.score(mixed.score(), mixed.maxScore()));
    assertThat(markdown).contains("| **Total** |").contains("<details><summary>Question 3");
    assertThat(markdown)
        .as("the tier table names its questions as a reader writes them")
        .contains("| easy | 1, 2, 3, 4 |", "| advanced | 9, 10, 11, 12 |")
        .doesNotContain("[1, 2, 3, 4]");
  }

  @Test
  void consoleReportShowsTablesTotalAndFeedback() throws IOException {
    StringWriter text = new StringWriter();
    ConsoleReport.write(mixed, new PrintWriter(text));

    assertThat(text.toString())
        .contains("Tier")
        .contains("Total")
        .contains("Question 3 - ")
        .contains("Question 6 - ")
        .as("every title whole, the longest included")
        .contains(Graded.catalog().questions().stream().map(q -> " " + q.title() + " ").toList())
        .contains("DynamoDbManager.java:")
        .contains("helpers/Broken.java:1: ")
        .contains("Left out 1 file(s)")
        .doesNotContain("\tat ");
    assertThat(Files.readString(mixedReports.resolve("report.txt"))).isEqualTo(text.toString());
    String reference = Files.readString(referenceReports.resolve("report.txt"));
    assertThat(reference).contains("Every hidden test passed.").contains("100 / 100");
  }
}
