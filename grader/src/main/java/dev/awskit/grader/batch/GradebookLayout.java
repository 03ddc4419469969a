package dev.awskit.grader.batch;

import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Tier;
import dev.awskit.grader.scoring.TierScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the score columns of a gradebook, in order, with what each is out of: one per question
 * ({@code q01} .. {@code q12}), one per tier ({@code easy}, {@code intermediate}, {@code advanced}
 * unless a policy names others) and {@code total}: the raw scores the hidden tests gave. When a
 * due date or overrides may change scores after grading, {@code overrides}, {@code late_penalty}
 * and {@code final} follow, so that the raw total stays beside what changed it.
 *
 * @param columns the score columns' names
 * @param outOf the most a submission can earn in each column, in the same order
 */
public record GradebookLayout(List<String> columns, List<Double> outOf) {

  /** Names the column of the total. */
  public static final String TOTAL = "total";

  /** Names the column of what overrides added (negative: took) after grading. */
  public static final String OVERRIDES = "overrides";

  /** Names the column of the points lateness took. */
  public static final String LATE_PENALTY = "late_penalty";

  /** Names the column of the score that counts: total, plus overrides, minus the penalty. */
  public static final String FINAL = "final";

  /** Names the columns a gradebook adds after {@code total} when scores are adjusted. */
  public static final List<String> ADJUSTMENT_COLUMNS = List.of(OVERRIDES, LATE_PENALTY, FINAL);

  /** Checks that every column has its maximum; the lists are copied. */
  public GradebookLayout {
    columns = List.copyOf(columns);
    outOf = List.copyOf(outOf);
    if (columns.size() != outOf.size()) {
      throw new IllegalArgumentException("Every column needs its maximum");
    }
  }

  /** Returns the layout of a scheme: its questions in number order, its tiers, the total. */
  public static GradebookLayout of(GradingScheme scheme) {
    return of(scheme, false);
  }

  /**
   * Returns the layout of a scheme, with {@link #ADJUSTMENT_COLUMNS} after the total when {@code
   * adjusted}: when a due date or overrides may change scores after grading.
   */
  public static GradebookLayout of(GradingScheme scheme, boolean adjusted) {
    List<String> columns = new ArrayList<>();
    List<Double> outOf = new ArrayList<>();
    for (QuestionRule rule : scheme.questions()) {
      columns.add(questionColumn(rule.number()));
      outOf.add(rule.maxPoints());
    }
    for (Tier tier : scheme.tiers()) {
      columns.add(tier.name());
      outOf.add(
          scheme.questions().stream()
              .filter(rule -> rule.tier().equals(tier.name()))
              .mapToDouble(QuestionRule::maxPoints)
              .sum());
    }
    columns.add(TOTAL);
    outOf.add(scheme.maxScore());
    if (adjusted) {
      for (String column : ADJUSTMENT_COLUMNS) {
        columns.add(column);
        outOf.add(scheme.maxScore());
      }
    }
    return new GradebookLayout(columns, outOf);
  }

  /** Returns the column name of a question: {@code q01} for question 1. */
  public static String questionColumn(int number) {
    return String.format("q%02d", number);
  }

  /** Returns the points of a scorecard by column name; a column it lacks is missing. */
  public static Map<String, Double> scoresOf(Scorecard scorecard) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (QuestionScore question : scorecard.questions()) {
      scores.put(questionColumn(question.number()), question.score());
    }
    for (TierScore tier : scorecard.tiers()) {
      scores.put(tier.name(), tier.score());
    }
    scores.put(TOTAL, scorecard.score());
    return scores;
  }
}
