package dev.awskit.grader.scoring;

import java.util.List;

/**
 * Says how one question is scored.
 *
 * @param number the question number
 * @param title its title
 * @param tier the name of its tier
 * @param maxPoints what the question is worth
 * @param tests its hidden tests with their weights, in the catalog's order
 */
public record QuestionRule(
    int number, String title, String tier, double maxPoints, List<TestWeight> tests) {

  /** Creates a rule; the list is copied. */
  public QuestionRule {
    tests = List.copyOf(tests);
  }

  /** Returns the sum of the weights of the question's tests. */
  public double totalWeight() {
    return tests.stream().mapToDouble(TestWeight::weight).sum();
  }
}
