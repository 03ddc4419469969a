package dev.awskit.grader.report;

import dev.awskit.grader.engine.CompileProblem;
import dev.awskit.grader.engine.VettingProblem;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.TestScore;
import dev.awskit.grader.scoring.TierScore;
import java.io.PrintWriter;
import java.util.List;

/**
 * Writes the grade as plain text for a terminal: a table per question, a table per tier, the
 * total, and the feedback of every failed test.
 */
public final class ConsoleReport {

  private ConsoleReport() {}

  /** Writes the report of {@code scorecard} to {@code out}. */
  public static void write(Scorecard scorecard, PrintWriter out) {
    out.printf(
        "Grade of the %s (graded %s in %s)%n",
        scorecard.submission(), scorecard.gradedAt(), Text.seconds(scorecard.duration()));
    out.printf("Isolation: %s%n%n", scorecard.isolation().describe());
    // The title column is as wide as the longest title: a title cut short reads as another one.
    int titleWidth =
        Math.max(
            "Question".length(),
            scorecard.questions().stream()
                .mapToInt(question -> question.title().length())
                .max()
                .orElse(0));
    out.printf(
        "%3s  %-" + titleWidth + "s  %-13s %7s  %15s%n", "Q", "Question", "Tier", "Tests", "Score");
    for (QuestionScore question : scorecard.questions()) {
      out.printf(
          "%3s  %-" + titleWidth + "s  %-13s %7s  %15s%n",
          question.number(),
          question.title(),
          question.tier(),
          question.passedTests() + "/" + question.tests().size(),
          Text.score(question.score(), question.maxScore()));
    }
    out.println();
    out.printf("%-20s %15s%n", "Tier", "Score");
    for (TierScore tier : scorecard.tiers()) {
      out.printf("%-20s %15s%n", tier.name(), Text.score(tier.score(), tier.maxScore()));
    }
    out.printf("%-20s %15s%n", "Total", Text.score(scorecard.score(), scorecard.maxScore()));
    List<String> adjustment = Text.adjustment(scorecard);
    if (!adjustment.isEmpty()) {
      out.printf("%nAfter grading%n");
      adjustment.forEach(line -> out.printf("  %s%n", line));
    }
    writeFeedback(scorecard, out);
    writeNotes(scorecard, out);
    out.flush();
  }

  private static void writeFeedback(Scorecard scorecard, PrintWriter out) {
    List<QuestionScore> failing =
        scorecard.questions().stream().filter(question -> question.passedTests() < question.tests().size()).toList();
    if (failing.isEmpty()) {
      out.printf("%nEvery hidden test passed.%n");
      return;
    }
    out.printf("%nFeedback%n");
    for (QuestionScore question : failing) {
      out.printf(
          "%nQuestion %d - %s (%s)%n",
          question.number(), question.title(), Text.score(question.score(), question.maxScore()));
      for (String message : question.compilerMessages()) {
        out.printf("  %s%n", Text.indentFollowing(message, "    "));
      }
      for (String refusal : question.refusals()) {
        out.printf("  %s%n", Text.indentFollowing(refusal, "    "));
      }
      if (!question.summary().isEmpty()) {
        out.printf("  %s%n", Text.indentFollowing(question.summary(), "  "));
        continue;
      }
      for (TestScore test : question.tests()) {
        if (!test.passed()) {
          out.printf(
              "  x %s (%s): %s%n",
              test.name(),
              Text.share(test.maxScore()),
              Text.indentFollowing(test.outcome().feedback(), "    "));
        }
      }
    }
  }

  private static void writeNotes(Scorecard scorecard, PrintWriter out) {
    List<CompileProblem> unplaced =
        scorecard.compileProblems().stream().filter(problem -> problem.question() == null).toList();
    if (!unplaced.isEmpty()) {
      out.printf("%nFiles that belong to no question and did not compile (left out):%n");
      unplaced.forEach(
          problem ->
              problem.messages().forEach(message -> out.printf("  %s%n", Text.indentFollowing(message, "    "))));
    }
    List<VettingProblem> unused = scorecard.unusedRefusedCode();
    if (!unused.isEmpty()) {
      out.printf(
          "%nCode that no question uses breaks a rule of the grader (it cost nothing, since it"
              + " never runs; remove it):%n");
      unused.forEach(problem -> out.printf("  %s%n", Text.indentFollowing(problem.message(), "    ")));
    }
    if (!scorecard.warnings().isEmpty()) {
      out.printf("%nNotes on the submission's files:%n");
      scorecard.warnings().forEach(warning -> out.printf("  %s%n", Text.indentFollowing(warning, "    ")));
    }
    if (!scorecard.skippedFiles().isEmpty()) {
      out.printf(
          "%nLeft out %d file(s) the grader does not compile: exercise contract types, which a"
              + " submission cannot replace, and module descriptors (the JSON report lists them).%n",
          scorecard.skippedFiles().size());
    }
  }
}
