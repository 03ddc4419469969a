package dev.awskit.grader.classview;

import dev.awskit.grader.batch.GradebookLayout;
import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.scoring.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Holds the figures of a class report, computed from the students' stored results: what the page
 * shows, without any of its markup.
 *
 * <p>The statistics are over the graded students only: an unusable submission or a grader error
 * says nothing about a question, and is listed among the students needing attention instead. They
 * are of the raw scores the hidden tests gave; overrides and late penalties show in the students'
 * table, beside them.
 *
 * @param layout the gradebook's columns and what each is worth
 * @param students every student, sorted by id
 * @param graded how many were graded
 * @param total the statistics of the total
 * @param totalHistogram how many graded students scored in each tenth of the maximum
 * @param tiers the statistics of every tier
 * @param questions the statistics of every question, with its title
 * @param tests every hidden test's pass rate and commonest failures, in question order
 * @param attention the students needing a look, with why
 * @param isolationLevels how many graded students ran at each isolation level
 * @param similarity the similarity check of the class, when one ran
 */
public record ClassReport(
    GradebookLayout layout,
    List<StudentRecord> students,
    int graded,
    ItemStats total,
    List<Integer> totalHistogram,
    List<ItemStats> tiers,
    List<QuestionFigures> questions,
    List<TestStats> tests,
    List<Attention> attention,
    Map<String, Long> isolationLevels,
    Optional<Similarity> similarity) {

  /** Names how many ranges the histograms have. */
  public static final int BINS = 10;

  /** Names how many distinct failure messages a test lists. */
  public static final int COMMON_FAILURES = 3;

  /**
   * Computes the report of a class.
   *
   * @param scheme the grading scheme the class was graded with
   * @param students every student's record
   */
  public static ClassReport of(GradingScheme scheme, List<StudentRecord> students) {
    return of(scheme, students, Optional.empty());
  }

  /**
   * Computes the report of a class with the outcome of its similarity check.
   *
   * @param scheme the grading scheme the class was graded with
   * @param students every student's record
   * @param similarity the similarity check, when one ran
   */
  public static ClassReport of(
      GradingScheme scheme, List<StudentRecord> students, Optional<Similarity> similarity) {
    List<StudentRecord> sorted =
        students.stream().sorted(Comparator.comparing(StudentRecord::student)).toList();
    List<StudentRecord> graded =
        sorted.stream().filter(s -> s.result().status() == RowStatus.GRADED).toList();
    double[] totals = column(graded, GradebookLayout.TOTAL);
    ItemStats total = ItemStatistics.of(GradebookLayout.TOTAL, scheme.maxScore(), totals, totals);
    List<ItemStats> tiers = new ArrayList<>();
    for (Tier tier : scheme.tiers()) {
      double max =
          scheme.questions().stream()
              .filter(rule -> rule.tier().equals(tier.name()))
              .mapToDouble(QuestionRule::maxPoints)
              .sum();
      tiers.add(ItemStatistics.of(tier.name(), max, column(graded, tier.name()), totals));
    }
    List<QuestionFigures> questions = new ArrayList<>();
    for (QuestionRule rule : scheme.questions()) {
      String name = GradebookLayout.questionColumn(rule.number());
      questions.add(
          new QuestionFigures(
              rule.number(),
              rule.title(),
              rule.tier(),
              ItemStatistics.of(name, rule.maxPoints(), column(graded, name), totals)));
    }
    boolean adjusted = sorted.stream().anyMatch(s -> s.result().adjustment() != null);
    return new ClassReport(
        GradebookLayout.of(scheme, adjusted),
        sorted,
        graded.size(),
        total,
        Arrays.stream(ItemStatistics.histogram(totals, scheme.maxScore(), BINS)).boxed().toList(),
        tiers,
        questions,
        tests(scheme, graded),
        Attention.of(sorted),
        graded.stream()
            .flatMap(s -> s.detail().stream())
            .map(StudentRecord.Detail::isolation)
            .filter(level -> !level.isEmpty())
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting())),
        similarity);
  }

  /** Returns each tier's histogram: graded students per tenth of the tier's maximum. */
  public List<List<Integer>> tierHistograms() {
    List<StudentRecord> graded =
        students.stream().filter(s -> s.result().status() == RowStatus.GRADED).toList();
    return tiers.stream()
        .map(
            tier ->
                Arrays.stream(
                        ItemStatistics.histogram(column(graded, tier.column()), tier.max(), BINS))
                    .boxed()
                    .toList())
        .toList();
  }

  private static double[] column(List<StudentRecord> students, String column) {
    return students.stream().mapToDouble(s -> s.result().score(column)).toArray();
  }

  private static List<TestStats> tests(GradingScheme scheme, List<StudentRecord> graded) {
    Map<String, List<StudentRecord.TestDetail>> byTest = new LinkedHashMap<>();
    Map<String, Integer> questionOf = new LinkedHashMap<>();
    Map<String, String> nameOf = new LinkedHashMap<>();
    // The scheme gives the order; the reports give the outcomes.
    for (QuestionRule rule : scheme.questions()) {
      rule.tests()
          .forEach(
              test -> {
                byTest.put(test.test().id(), new ArrayList<>());
                questionOf.put(test.test().id(), rule.number());
                nameOf.put(test.test().id(), test.test().displayName());
              });
    }
    for (StudentRecord student : graded) {
      student
          .detail()
          .ifPresent(
              detail ->
                  detail
                      .questions()
                      .forEach(
                          question ->
                              question
                                  .tests()
                                  .forEach(
                                      test -> {
                                        byTest
                                            .computeIfAbsent(test.id(), id -> new ArrayList<>())
                                            .add(test);
                                        questionOf.putIfAbsent(test.id(), question.number());
                                        nameOf.putIfAbsent(test.id(), test.name());
                                      })));
    }
    List<TestStats> stats = new ArrayList<>();
    byTest.forEach(
        (id, outcomes) ->
            stats.add(TestStats.of(id, nameOf.getOrDefault(id, id), questionOf.get(id), outcomes)));
    return stats;
  }

  /**
   * Holds one question's figures.
   *
   * @param number the question's number
   * @param title its title
   * @param tier its tier
   * @param stats its item statistics
   */
  public record QuestionFigures(int number, String title, String tier, ItemStats stats) {}
}
