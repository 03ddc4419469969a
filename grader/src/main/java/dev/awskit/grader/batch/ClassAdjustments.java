package dev.awskit.grader.batch;

import dev.awskit.grader.scoring.Adjustment;
import dev.awskit.grader.scoring.AdjustmentPlan;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.LatePolicy;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.scoring.ScoreOverride;
import dev.awskit.grader.scoring.SubmissionTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds what changes a class's scores after grading: the late policy with every student's
 * submission time, and the instructor's overrides; and applies them to the students' results.
 *
 * <p>The raw scores stay as graded. A student's plan is part of what their reports were written
 * with, so a change to it (a new override, a moved due date) grades that student again, and
 * their reports show it.
 */
public final class ClassAdjustments {

  private final GradingScheme scheme;
  private final Optional<LatePolicy> late;
  private final Map<String, List<ScoreOverride>> overrides;
  private final Map<String, Optional<SubmissionTime>> times;

  /**
   * Creates the adjustments of a class.
   *
   * @param scheme the scheme the class is graded with
   * @param late the late policy, when the policy sets a due date
   * @param overrides each student's overrides, by submission name
   * @param times each student's submission time, by submission name
   */
  public ClassAdjustments(
      GradingScheme scheme,
      Optional<LatePolicy> late,
      Map<String, List<ScoreOverride>> overrides,
      Map<String, Optional<SubmissionTime>> times) {
    this.scheme = scheme;
    this.late = late;
    this.overrides = Map.copyOf(overrides);
    this.times = Map.copyOf(times);
  }

  /** Returns adjustments that change nothing. */
  public static ClassAdjustments none(GradingScheme scheme) {
    return new ClassAdjustments(scheme, Optional.empty(), Map.of(), Map.of());
  }

  /** Tells whether anything may change a score: a due date or at least one override. */
  public boolean active() {
    return late.isPresent() || !overrides.isEmpty();
  }

  /** Returns what will change a student's score once graded. */
  public AdjustmentPlan planOf(String student) {
    return new AdjustmentPlan(
        late.map(
                policy ->
                    policy.assess(
                        student, times.getOrDefault(student, Optional.empty()), scheme.maxScore()))
            .orElse(null),
        overrides.getOrDefault(student, List.of()));
  }

  /**
   * Returns the digest a student's result is recorded with: the class's settings, and the
   * student's plan when it changes anything.
   */
  public String settingsOf(String settings, String student) {
    AdjustmentPlan plan = planOf(student);
    return plan.isEmpty() ? settings : Fingerprints.ofText(settings + "\n" + plan.fingerprint());
  }

  /**
   * Applies every student's plan to their result and records the results that changed, so that
   * commands rebuilding reports from stored results see them; returns the run with them.
   */
  public BatchRun applyTo(BatchRun run, ResultStore store) throws IOException {
    List<StudentResult> results = new ArrayList<>();
    for (StudentResult result : run.results()) {
      StudentResult adjusted = applyTo(result);
      if (!adjusted.equals(result) && store.read(result.student()).isPresent()) {
        store.write(adjusted);
      }
      results.add(adjusted);
    }
    return new BatchRun(results, run.graded(), run.kept());
  }

  /** Returns a result with its student's plan applied; unchanged unless graded. */
  public StudentResult applyTo(StudentResult result) {
    AdjustmentPlan plan = planOf(result.student());
    if (result.status() != RowStatus.GRADED || plan.isEmpty()) {
      return result.adjustment() == null ? result : result.withAdjustment(null);
    }
    Map<Integer, Double> graded = new HashMap<>();
    Map<Integer, Double> max = new HashMap<>();
    for (QuestionRule rule : scheme.questions()) {
      graded.put(rule.number(), result.score(GradebookLayout.questionColumn(rule.number())));
      max.put(rule.number(), rule.maxPoints());
    }
    Adjustment adjustment = plan.applyTo(result.score(GradebookLayout.TOTAL), graded, max);
    return result.withAdjustment(adjustment);
  }
}
