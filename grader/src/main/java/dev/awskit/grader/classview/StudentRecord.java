package dev.awskit.grader.classview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Holds what the class report knows of one student: the stored batch result and, when the batch
 * wrote the student's JSON report, the outcome of every hidden test.
 *
 * @param result the student's gradebook line
 * @param detail the per-test detail; empty when no JSON report was written or it is unreadable
 */
public record StudentRecord(StudentResult result, Optional<Detail> detail) {

  // How the worker's crash report starts (see the worker's Crashes): the JVM itself ended.
  private static final String CRASH_DETAIL = "The worker JVM ended";

  /** Returns the student's id. */
  public String student() {
    return result.student();
  }

  /**
   * Reads the JSON report beside a stored result, if there is one.
   *
   * @param store the batch's report folders
   * @param result the student's result
   * @param json reads the report
   */
  public static StudentRecord read(ResultStore store, StudentResult result, ObjectMapper json) {
    Path report = store.folderOf(result.student()).resolve(ReportFormat.JSON.fileName());
    if (!Files.isRegularFile(report)) {
      return new StudentRecord(result, Optional.empty());
    }
    try {
      return new StudentRecord(result, Optional.of(Detail.of(json.readTree(report.toFile()))));
    } catch (IOException | RuntimeException unreadable) {
      // The gradebook line still counts; only the per-test figures miss this student.
      return new StudentRecord(result, Optional.empty());
    }
  }

  /**
   * Holds the per-test detail of one graded submission, as its JSON report gives it.
   *
   * @param isolation the isolation level its tests ran at ({@code os}, {@code uid}, {@code jvm})
   * @param questions every question's status and tests
   * @param compileProblems the source files that did not compile
   * @param refusals the static vetting's refusals, one line each
   */
  public record Detail(
      String isolation,
      List<QuestionDetail> questions,
      List<String> compileProblems,
      List<String> refusals) {

    /** Copies the lists. */
    public Detail {
      questions = List.copyOf(questions);
      compileProblems = List.copyOf(compileProblems);
      refusals = List.copyOf(refusals);
    }

    static Detail of(JsonNode report) {
      List<QuestionDetail> questions = new ArrayList<>();
      for (JsonNode question : report.path("questions")) {
        List<TestDetail> tests = new ArrayList<>();
        for (JsonNode test : question.path("tests")) {
          tests.add(
              new TestDetail(
                  test.path("id").asText(),
                  test.path("name").asText(),
                  test.path("status").asText(),
                  test.path("feedback").asText(),
                  test.path("detail").asText().startsWith(CRASH_DETAIL)));
        }
        questions.add(
            new QuestionDetail(
                question.path("number").asInt(), question.path("status").asText(), tests));
      }
      List<String> compileProblems = new ArrayList<>();
      report.path("compileProblems").forEach(p -> compileProblems.add(p.path("file").asText()));
      List<String> refusals = new ArrayList<>();
      report
          .path("vettingProblems")
          .forEach(
              p -> refusals.add(p.path("className").asText() + ": " + p.path("message").asText()));
      return new Detail(
          report.path("isolation").path("level").asText(""), questions, compileProblems, refusals);
    }

    /** Returns every test of every question. */
    public List<TestDetail> tests() {
      return questions.stream().flatMap(question -> question.tests().stream()).toList();
    }
  }

  /**
   * Holds one question of a graded submission.
   *
   * @param number the question's number
   * @param status its one-word status ({@code passed}, {@code not-compiled}, ...)
   * @param tests its hidden tests
   */
  public record QuestionDetail(int number, String status, List<TestDetail> tests) {

    /** Copies the list. */
    public QuestionDetail {
      tests = List.copyOf(tests);
    }
  }

  /**
   * Holds one hidden test's outcome for one student.
   *
   * @param id the test's identifier
   * @param name what it checks, in words
   * @param status {@code passed}, {@code failed}, {@code threw}, {@code timed-out} or {@code
   *     not-run}
   * @param feedback what the student was told; empty when it passed
   * @param crashed whether the worker JVM running it ended during the test
   */
  public record TestDetail(
      String id, String name, String status, String feedback, boolean crashed) {

    /** Tells whether the test passed. */
    public boolean passed() {
      return "passed".equals(status);
    }
  }
}
