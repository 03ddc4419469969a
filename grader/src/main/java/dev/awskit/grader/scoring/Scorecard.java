package dev.awskit.grader.scoring;

import dev.awskit.grader.engine.CompileProblem;
import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.SkippedFile;
import dev.awskit.grader.engine.VettingProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the scored grade of one submission: what every report is written from.
 *
 * @param submission what was graded, in words
 * @param gradedAt when grading started
 * @param duration how long grading took
 * @param score the total earned
 * @param maxScore the most a submission can earn
 * @param tiers the score of every tier
 * @param questions the score of every question
 * @param skippedFiles source files the grader left out on purpose
 * @param compileProblems every source file that did not compile, whichever question it is in
 * @param warnings what the grader changed or left out without costing points, for the student
 * @param vettingProblems code the static vetting refused, one entry per question it costs, and one
 *     without a question (a warning) for code no question uses
 * @param isolation how the code under grading was kept apart while its tests ran
 * @param adjustment the overrides and late penalty applied after grading, with the final score;
 *     empty when nothing changes the score the hidden tests gave
 */
public record Scorecard(
    String submission,
    Instant gradedAt,
    Duration duration,
    double score,
    double maxScore,
    List<TierScore> tiers,
    List<QuestionScore> questions,
    List<SkippedFile> skippedFiles,
    List<CompileProblem> compileProblems,
    List<String> warnings,
    List<VettingProblem> vettingProblems,
    Isolation isolation,
    Optional<Adjustment> adjustment) {

  /** Creates a scorecard; the lists are copied. */
  public Scorecard {
    tiers = List.copyOf(tiers);
    questions = List.copyOf(questions);
    skippedFiles = List.copyOf(skippedFiles);
    compileProblems = List.copyOf(compileProblems);
    warnings = List.copyOf(warnings);
    vettingProblems = List.copyOf(vettingProblems);
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(adjustment, "adjustment");
  }

  /** Creates a scorecard with no adjustment: the score is what the hidden tests gave. */
  public Scorecard(
      String submission,
      Instant gradedAt,
      Duration duration,
      double score,
      double maxScore,
      List<TierScore> tiers,
      List<QuestionScore> questions,
      List<SkippedFile> skippedFiles,
      List<CompileProblem> compileProblems,
      List<String> warnings,
      List<VettingProblem> vettingProblems,
      Isolation isolation) {
    this(
        submission,
        gradedAt,
        duration,
        score,
        maxScore,
        tiers,
        questions,
        skippedFiles,
        compileProblems,
        warnings,
        vettingProblems,
        isolation,
        Optional.empty());
  }

  /** Creates a scorecard without warnings or vetting problems. */
  public Scorecard(
      String submission,
      Instant gradedAt,
      Duration duration,
      double score,
      double maxScore,
      List<TierScore> tiers,
      List<QuestionScore> questions,
      List<SkippedFile> skippedFiles,
      List<CompileProblem> compileProblems) {
    this(
        submission,
        gradedAt,
        duration,
        score,
        maxScore,
        tiers,
        questions,
        skippedFiles,
        compileProblems,
        List.of(),
        List.of(),
        Isolation.none());
  }

  /** Returns this scorecard with the submission called {@code name} in every report. */
  public Scorecard withSubmission(String name) {
    return new Scorecard(
        name,
        gradedAt,
        duration,
        score,
        maxScore,
        tiers,
        questions,
        skippedFiles,
        compileProblems,
        warnings,
        vettingProblems,
        isolation,
        adjustment);
  }

  /** Returns this scorecard with the overrides and late penalty applied after grading. */
  public Scorecard withAdjustment(Adjustment applied) {
    return new Scorecard(
        submission,
        gradedAt,
        duration,
        score,
        maxScore,
        tiers,
        questions,
        skippedFiles,
        compileProblems,
        warnings,
        vettingProblems,
        isolation,
        Optional.of(applied));
  }

  /** Returns the score that counts: the adjusted one, or the raw score when nothing changed it. */
  public double finalScore() {
    return adjustment.map(Adjustment::finalScore).orElse(score);
  }

  /** Returns the vetting problems that cost no question: refused code that nothing uses. */
  public List<VettingProblem> unusedRefusedCode() {
    return vettingProblems.stream().filter(problem -> problem.question() == null).toList();
  }

  /** Returns the score of a question, if the scorecard has it. */
  public Optional<QuestionScore> question(int number) {
    return questions.stream().filter(question -> question.number() == number).findFirst();
  }
}
