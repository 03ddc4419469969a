package dev.awskit.grader.report;

import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.QuestionStatus;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.TestScore;
import dev.awskit.grader.scoring.TierScore;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the grade as Markdown, fit for a CI job summary (for instance appended to {@code
 * $GITHUB_STEP_SUMMARY}): the total, a table per tier and per question, and the feedback of each
 * failed test in a collapsed section.
 */
public final class MarkdownReport {

  private MarkdownReport() {}

  /** Writes the report of {@code scorecard} to {@code out}. */
  public static void write(Scorecard scorecard, Writer out) {
    PrintWriter md = new PrintWriter(out);
    md.printf(
        "## Grade: %s%n%n", Text.score(scorecard.finalScore(), scorecard.maxScore()));
    md.printf(
        "Graded the %s on %s in %s, isolation level %s.%n%n",
        escape(scorecard.submission()),
        scorecard.gradedAt(),
        Text.seconds(scorecard.duration()),
        scorecard.isolation().level().label());
    md.printf("| Tier | Questions | Score |%n|---|---|---:|%n");
    for (TierScore tier : scorecard.tiers()) {
      md.printf(
          "| %s | %s | %s |%n",
          escape(tier.name()),
          tier.questions().stream().map(String::valueOf).collect(Collectors.joining(", ")),
          Text.score(tier.score(), tier.maxScore()));
    }
    md.printf("| **Total** | | **%s** |%n%n", Text.score(scorecard.score(), scorecard.maxScore()));
    List<String> adjustment = Text.adjustment(scorecard);
    if (!adjustment.isEmpty()) {
      md.printf("After grading:%n%n");
      adjustment.forEach(line -> md.printf("- %s%n", escape(line)));
      md.printf("%n");
    }
    md.printf("| | Question | Tier | Tests | Score |%n|---|---|---|---:|---:|%n");
    for (QuestionScore question : scorecard.questions()) {
      md.printf(
          "| %s | %d. %s | %s | %d/%d | %s |%n",
          mark(question.status()),
          question.number(),
          escape(question.title()),
          escape(question.tier()),
          question.passedTests(),
          question.tests().size(),
          Text.score(question.score(), question.maxScore()));
    }
    for (QuestionScore question : scorecard.questions()) {
      if (question.passedTests() == question.tests().size()) {
        continue;
      }
      md.printf(
          "%n<details><summary>Question %d: %s (%s)</summary>%n%n",
          question.number(),
          escape(question.title()),
          Text.score(question.score(), question.maxScore()));
      if (!question.compilerMessages().isEmpty()) {
        md.printf("```%n%s%n```%n%n", String.join("\n", question.compilerMessages()).replace("```", "'''"));
      }
      for (String refusal : question.refusals()) {
        md.printf("- %s%n", escape(refusal));
      }
      if (!question.summary().isEmpty()) {
        md.printf("%n%s%n", escape(question.summary()));
      } else {
        for (TestScore test : question.tests()) {
          if (!test.passed()) {
            md.printf(
                "- **%s**: %s%n",
                escape(test.name()),
                escape(test.outcome().feedback()).replace("\n", "<br>"));
          }
        }
      }
      md.printf("%n</details>%n");
    }
    md.flush();
  }

  private static String mark(QuestionStatus status) {
    return switch (status) {
      case PASSED -> "✅";
      case PARTIAL -> "🟡";
      default -> "❌";
    };
  }

  /** Escapes what Markdown tables and HTML would otherwise read as markup. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("`", "\\`")
        .replace("*", "\\*")
        .replace("_", "\\_");
  }
}
