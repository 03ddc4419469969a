package dev.awskit.grader.scoring;

import dev.awskit.grader.engine.CompileProblem;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.engine.TestResult;
import dev.awskit.grader.engine.VettingProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores a graded submission: each question earns the weight of its passed tests, scaled to the
 * question's maximum (partial credit); tiers and the total are sums of questions.
 */
public final class Scorer {

  /** Counts the steps of a point in which a test's share is given: 4 decimals. */
  private static final long SHARE_STEPS = 10_000;

  private Scorer() {}

  /** Returns the scorecard of {@code result} under {@code scheme}. */
  public static Scorecard score(GradingScheme scheme, GradingResult result) {
    List<QuestionScore> questions = new ArrayList<>();
    for (QuestionRule rule : scheme.questions()) {
      questions.add(scoreQuestion(rule, result));
    }
    List<TierScore> tiers =
        scheme.tiers().stream()
            .map(
                tier -> {
                  List<QuestionScore> members =
                      questions.stream()
                          .filter(question -> tier.questions().contains(question.number()))
                          .toList();
                  return new TierScore(
                      tier.name(),
                      tier.questions(),
                      round(members.stream().mapToDouble(QuestionScore::score).sum(), 2),
                      round(members.stream().mapToDouble(QuestionScore::maxScore).sum(), 2));
                })
            .toList();
    return new Scorecard(
        result.submission(),
        result.gradedAt(),
        result.duration(),
        round(questions.stream().mapToDouble(QuestionScore::score).sum(), 2),
        round(questions.stream().mapToDouble(QuestionScore::maxScore).sum(), 2),
        tiers,
        questions,
        result.skippedFiles(),
        result.compileProblems(),
        result.warnings(),
        result.vettingProblems(),
        result.isolation());
  }

  private static QuestionScore scoreQuestion(QuestionRule rule, GradingResult result) {
    double totalWeight = rule.totalWeight();
    double passedWeight = 0;
    List<TestScore> tests = new ArrayList<>();
    double[] shares = shares(rule);
    for (int index = 0; index < rule.tests().size(); index++) {
      TestWeight weight = rule.tests().get(index);
      TestResult testResult = result.results().get(weight.test().id());
      TestOutcome outcome =
          testResult == null ? new TestOutcome.NotRun("This test did not run.", "") : testResult.outcome();
      double share = shares[index];
      if (outcome.passed()) {
        passedWeight += weight.weight();
      }
      tests.add(
          new TestScore(
              weight.test().id(),
              weight.test().displayName(),
              weight.weight(),
              outcome.passed() ? share : 0,
              share,
              weight.visibility(),
              outcome,
              testResult == null ? 0 : testResult.durationMillis(),
              testResult == null ? "" : testResult.output()));
    }
    double score = totalWeight > 0 ? round(passedWeight / totalWeight * rule.maxPoints(), 2) : 0;
    List<CompileProblem> compileProblems = result.compileProblems(rule.number());
    List<String> refusals =
        result.vettingProblems(rule.number()).stream().map(VettingProblem::message).toList();
    QuestionStatus status = statusOf(tests, compileProblems, refusals);
    return new QuestionScore(
        rule.number(),
        rule.title(),
        rule.tier(),
        score,
        rule.maxPoints(),
        status,
        summaryOf(status, tests, compileProblems),
        compileProblems.stream().flatMap(problem -> problem.messages().stream()).toList(),
        refusals,
        tests);
  }

  private static QuestionStatus statusOf(
      List<TestScore> tests, List<CompileProblem> problems, List<String> refusals) {
    if (!problems.isEmpty()) {
      return QuestionStatus.NOT_COMPILED;
    }
    if (!refusals.isEmpty()) {
      return QuestionStatus.REFUSED;
    }
    if (tests.isEmpty()) {
      return QuestionStatus.NO_TESTS;
    }
    long passed = tests.stream().filter(TestScore::passed).count();
    if (passed == tests.size()) {
      return QuestionStatus.PASSED;
    }
    if (passed > 0) {
      return QuestionStatus.PARTIAL;
    }
    boolean untouched =
        tests.stream().allMatch(test -> test.outcome() instanceof TestOutcome.NotImplemented);
    return untouched ? QuestionStatus.NOT_IMPLEMENTED : QuestionStatus.FAILED;
  }

  private static String summaryOf(
      QuestionStatus status, List<TestScore> tests, List<CompileProblem> problems) {
    return switch (status) {
      case NOT_COMPILED -> {
        List<String> files = problems.stream().map(CompileProblem::file).toList();
        yield (files.size() == 1 ? files.get(0) + " does" : String.join(", ", files) + " do")
            + " not compile, so the tests of this question could not run.";
      }
      case REFUSED ->
          "The grader did not run this question's code: it uses something the grader does not"
              + " allow, as listed here. Remove that code; the tests run once it is gone.";
      case NOT_IMPLEMENTED ->
          tests.stream()
              .map(test -> test.outcome().feedback())
              .min(Comparator.comparingInt(String::length))
              .orElse("");
      case FAILED -> {
        Set<String> reasons =
            tests.stream().map(test -> test.outcome().feedback()).collect(Collectors.toSet());
        yield reasons.size() == 1 ? reasons.iterator().next() : "";
      }
      case NO_TESTS -> "This question has no hidden tests yet.";
      case PASSED, PARTIAL -> "";
    };
  }

  /**
   * Returns each test's share of the question's points, in steps of 0.0001 that add up to the
   * question's points exactly: rounding every share alone could make a question's tests add up
   * to a hair more or less than the question (and a whole report to 100.0001). The steps left
   * after rounding down go to the shares that lost the most.
   */
  static double[] shares(QuestionRule rule) {
    int count = rule.tests().size();
    double[] shares = new double[count];
    double totalWeight = rule.totalWeight();
    if (totalWeight <= 0) {
      return shares;
    }
    long total = Math.round(rule.maxPoints() * SHARE_STEPS);
    long[] steps = new long[count];
    double[] lost = new double[count];
    long given = 0;
    for (int index = 0; index < count; index++) {
      double exact = rule.tests().get(index).weight() / totalWeight * total;
      steps[index] = (long) Math.floor(exact);
      lost[index] = exact - steps[index];
      given += steps[index];
    }
    List<Integer> order = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      order.add(index);
    }
    order.sort(
        Comparator.comparingDouble((Integer index) -> -lost[index])
            .thenComparingInt(index -> index));
    for (int left = (int) (total - given), at = 0; left > 0 && at < count; left--, at++) {
      steps[order.get(at)]++;
    }
    for (int index = 0; index < count; index++) {
      shares[index] = steps[index] / (double) SHARE_STEPS;
    }
    return shares;
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
