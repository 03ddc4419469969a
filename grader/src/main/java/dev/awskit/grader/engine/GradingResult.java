package dev.awskit.grader.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds everything the engine learned about one submission, before it is scored.
 *
 * @param submission what was graded, in words
 * @param gradedAt when grading started
 * @param duration how long grading took
 * @param compiledFiles how many source files compiled (0 for compiled submissions)
 * @param skippedFiles source files the grader left out on purpose
 * @param compileProblems source files that did not compile
 * @param results the outcome of every hidden test of the catalog, by test identifier
 * @param warnings what the grader changed or left out without costing points, in plain words:
 *     files the intake left out or decoded from another encoding, refused code that no question
 *     uses
 * @param vettingProblems code the static vetting refused, one entry per question it costs (and
 *     one with no question for code no question uses)
 * @param isolation how the code under grading was kept apart while its tests ran
 */
public record GradingResult(
    String submission,
    Instant gradedAt,
    Duration duration,
    int compiledFiles,
    List<SkippedFile> skippedFiles,
    List<CompileProblem> compileProblems,
    Map<String, TestResult> results,
    List<String> warnings,
    List<VettingProblem> vettingProblems,
    Isolation isolation) {

  /** Creates a result; the collections are copied. */
  public GradingResult {
    skippedFiles = List.copyOf(skippedFiles);
    compileProblems = List.copyOf(compileProblems);
    results = Map.copyOf(results);
    warnings = List.copyOf(warnings);
    vettingProblems = List.copyOf(vettingProblems);
    Objects.requireNonNull(isolation, "isolation");
  }

  /** Creates a result of tests run in the grader's own JVM. */
  public GradingResult(
      String submission,
      Instant gradedAt,
      Duration duration,
      int compiledFiles,
      List<SkippedFile> skippedFiles,
      List<CompileProblem> compileProblems,
      Map<String, TestResult> results,
      List<String> warnings,
      List<VettingProblem> vettingProblems) {
    this(
        submission,
        gradedAt,
        duration,
        compiledFiles,
        skippedFiles,
        compileProblems,
        results,
        warnings,
        vettingProblems,
        Isolation.none());
  }

  /** Creates a result without warnings or vetting problems. */
  public GradingResult(
      String submission,
      Instant gradedAt,
      Duration duration,
      int compiledFiles,
      List<SkippedFile> skippedFiles,
      List<CompileProblem> compileProblems,
      Map<String, TestResult> results) {
    this(
        submission,
        gradedAt,
        duration,
        compiledFiles,
        skippedFiles,
        compileProblems,
        results,
        List.of(),
        List.of());
  }

  /** Returns the compile problems that cost the given question. */
  public List<CompileProblem> compileProblems(int question) {
    return compileProblems.stream()
        .filter(problem -> problem.question() != null && problem.question() == question)
        .toList();
  }

  /** Returns the vetting problems that cost the given question. */
  public List<VettingProblem> vettingProblems(int question) {
    return vettingProblems.stream()
        .filter(problem -> problem.question() != null && problem.question() == question)
        .toList();
  }
}
