package dev.awskit.grader.classview;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Holds how one hidden test went across the class.
 *
 * @param id the test's identifier
 * @param name what it checks, in words
 * @param question its question's number
 * @param ran how many graded students' reports hold the test
 * @param passed how many of them passed it
 * @param failures the commonest failure messages, commonest first
 */
public record TestStats(
    String id, String name, int question, int ran, int passed, List<Failure> failures) {

  /** Copies the list. */
  public TestStats {
    failures = List.copyOf(failures);
  }

  /** Returns the share of students who passed, 0 to 1; NaN when no report holds the test. */
  public double passRate() {
    return ran == 0 ? Double.NaN : (double) passed / ran;
  }

  static TestStats of(String id, String name, int question, List<StudentRecord.TestDetail> tests) {
    Map<String, Long> messages =
        tests.stream()
            .filter(test -> !test.passed())
            .map(test -> test.feedback().strip())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    List<Failure> commonest =
        messages.entrySet().stream()
            .map(entry -> new Failure(entry.getKey(), entry.getValue().intValue()))
            .sorted(Comparator.comparing(Failure::count).reversed().thenComparing(Failure::message))
            .limit(ClassReport.COMMON_FAILURES)
            .toList();
    int passed = (int) tests.stream().filter(StudentRecord.TestDetail::passed).count();
    return new TestStats(id, name, question, tests.size(), passed, commonest);
  }

  /**
   * Holds one failure message and how many students got it.
   *
   * @param message what the students were told
   * @param count how many students
   */
  public record Failure(String message, int count) {}
}
