package dev.awskit.grader.classview;

import dev.awskit.grader.batch.RowStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Holds one student whose grade needs a look before it is released, with every reason.
 *
 * @param student the student's id
 * @param reasons why, one short sentence each
 * @param isolation the isolation level the student's tests ran at; empty when unknown
 */
public record Attention(String student, List<String> reasons, String isolation) {

  /** Copies the list. */
  public Attention {
    reasons = List.copyOf(reasons);
  }

  /**
   * Returns the students needing attention: not graded, code that did not compile or was refused,
   * tests that timed out or crashed the worker, or tests run at another isolation level than most
   * of the class.
   */
  static List<Attention> of(List<StudentRecord> students) {
    String usualLevel =
        students.stream()
            .flatMap(s -> s.detail().stream())
            .map(StudentRecord.Detail::isolation)
            .filter(level -> !level.isEmpty())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
            .entrySet()
            .stream()
            .max(
                Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .orElse("");
    List<Attention> attention = new ArrayList<>();
    for (StudentRecord student : students) {
      List<String> reasons = new ArrayList<>();
      RowStatus status = student.result().status();
      if (status != RowStatus.GRADED) {
        reasons.add(status + ": " + student.result().reason());
      }
      String level = student.detail().map(StudentRecord.Detail::isolation).orElse("");
      student.detail().ifPresent(detail -> reasons.addAll(reasons(detail, level, usualLevel)));
      if (!reasons.isEmpty()) {
        attention.add(new Attention(student.student(), reasons, level));
      }
    }
    attention.sort(Comparator.comparing(Attention::student));
    return attention;
  }

  private static List<String> reasons(StudentRecord.Detail detail, String level, String usual) {
    List<String> reasons = new ArrayList<>();
    if (!detail.compileProblems().isEmpty()) {
      reasons.add("did not compile: " + String.join(", ", detail.compileProblems()));
    }
    if (!detail.refusals().isEmpty()) {
      reasons.add("refused code: " + String.join("; ", detail.refusals()));
    }
    long timedOut = detail.tests().stream().filter(t -> "timed-out".equals(t.status())).count();
    if (timedOut > 0) {
      reasons.add(timedOut + (timedOut == 1 ? " test timed out" : " tests timed out"));
    }
    long crashed = detail.tests().stream().filter(StudentRecord.TestDetail::crashed).count();
    if (crashed > 0) {
      reasons.add(
          crashed
              + (crashed == 1 ? " test" : " tests")
              + " ended the worker JVM (a crash or exit)");
    }
    if (!level.isEmpty() && !level.equals(usual)) {
      reasons.add("tests ran at isolation level " + level + ", most of the class at " + usual);
    }
    return reasons;
  }
}
