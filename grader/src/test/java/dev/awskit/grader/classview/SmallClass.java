package dev.awskit.grader.classview;

import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.classview.StudentRecord.Detail;
import dev.awskit.grader.classview.StudentRecord.QuestionDetail;
import dev.awskit.grader.classview.StudentRecord.TestDetail;
import dev.awskit.grader.engine.HiddenTest;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.scoring.TestWeight;
import dev.awskit.grader.scoring.Tier;
import dev.awskit.grader.scoring.Visibility;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a class of five whose figures are worked out by hand in the tests: question 1 (easy, 4
 * points, tests t1a and t1b) and question 2 (hard, 6 points, tests t2a and t2b).
 *
 * <pre>
 * student  q01 q02 total  notes
 * ann        4   6   10   all passed (os)
 * bob        2   0    2   t1b and t2a failed, t2b timed out (os)
 * cid        0   3    3   question 1 did not compile, t2a failed, t2b crashed the worker (jvm)
 * dee        4   6   10   all passed (os)
 * eve        -   -    -   unusable: no Java source
 * </pre>
 */
final class SmallClass {

  static final GradingScheme SCHEME =
      new GradingScheme(
          Duration.ofSeconds(5),
          List.of(new Tier("easy", List.of(1), 4), new Tier("hard", List.of(2), 6)),
          List.of(
              new QuestionRule(
                  1, "Buckets", "easy", 4, List.of(weight(1, "t1a"), weight(1, "t1b"))),
              new QuestionRule(
                  2, "Queues", "hard", 6, List.of(weight(2, "t2a"), weight(2, "t2b")))),
          Map.of());

  static final String ALIAS = "The key condition must alias status through #names.";
  static final String PAGES = "Only the first page was read; follow LastEvaluatedKey.";
  static final String NOT_COMPILED = "This test did not run: the question did not compile.";

  private SmallClass() {}

  static List<StudentRecord> students() {
    return List.of(
        graded("ann", 4, 6, "os", List.of(), pass("t1a"), pass("t1b"), pass("t2a"), pass("t2b")),
        graded(
            "bob",
            2,
            0,
            "os",
            List.of(),
            pass("t1a"),
            test("t1b", "failed", ALIAS, false),
            test("t2a", "failed", PAGES, false),
            test("t2b", "timed-out", "The test did not finish within 5 s.", false)),
        graded(
            "cid",
            0,
            3,
            "jvm",
            List.of("q01/Buckets.java"),
            test("t1a", "not-run", NOT_COMPILED, false),
            test("t1b", "not-run", NOT_COMPILED, false),
            test("t2a", "failed", PAGES, false),
            test("t2b", "threw", "The Java process running your code crashed.", true)),
        graded("dee", 4, 6, "os", List.of(), pass("t1a"), pass("t1b"), pass("t2a"), pass("t2b")),
        new StudentRecord(
            new StudentResult("eve", RowStatus.UNUSABLE, "no Java source", Map.of(), "", "", ""),
            Optional.empty()));
  }

  static String testId(String name) {
    return "dev.awskit.Fake#" + name;
  }

  private static TestWeight weight(int question, String name) {
    return new TestWeight(
        new HiddenTest(testId(name), question, "dev.awskit.Fake", name, "checks " + name, 1),
        1,
        Visibility.VISIBLE);
  }

  private static TestDetail pass(String name) {
    return test(name, "passed", "", false);
  }

  private static TestDetail test(String name, String status, String feedback, boolean crashed) {
    return new TestDetail(testId(name), "checks " + name, status, feedback, crashed);
  }

  private static StudentRecord graded(
      String id,
      double q1,
      double q2,
      String isolation,
      List<String> compileProblems,
      TestDetail... tests) {
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("q01", q1);
    scores.put("q02", q2);
    scores.put("easy", q1);
    scores.put("hard", q2);
    scores.put("total", q1 + q2);
    Detail detail =
        new Detail(
            isolation,
            List.of(
                new QuestionDetail(1, "partial", List.of(tests[0], tests[1])),
                new QuestionDetail(2, "partial", List.of(tests[2], tests[3]))),
            compileProblems,
            List.of());
    return new StudentRecord(
        new StudentResult(id, RowStatus.GRADED, "", scores, "", "", ""), Optional.of(detail));
  }
}
