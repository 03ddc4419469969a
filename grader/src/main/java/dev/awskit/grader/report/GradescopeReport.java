package dev.awskit.grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.awskit.grader.engine.CompileProblem;
import dev.awskit.grader.engine.VettingProblem;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.TestScore;
import dev.awskit.grader.scoring.TierScore;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes Gradescope's {@code results.json}: the total, the execution time in seconds, a summary
 * for the student, and one entry per hidden test with its share of the points, its status and
 * its feedback (never a trace), with the visibility the policy gives it.
 *
 * <p>On Gradescope, write it to {@code /autograder/results}: {@code --format gradescope -o
 * /autograder/results}.
 */
public final class GradescopeReport {

  private GradescopeReport() {}

  /** Writes the results of {@code scorecard} to {@code out}. */
  public static void write(Scorecard scorecard, Writer out) throws IOException {
    JsonReport.writer().writeValue(out, of(scorecard));
  }

  static Results of(Scorecard scorecard) {
    List<Test> tests = new ArrayList<>();
    for (QuestionScore question : scorecard.questions()) {
      int index = 0;
      for (TestScore test : question.tests()) {
        index++;
        tests.add(
            new Test(
                "Q" + question.number() + " " + question.title() + ": " + test.name(),
                question.number() + "." + index,
                test.score(),
                test.maxScore(),
                test.passed() ? "passed" : "failed",
                test.passed() ? "" : test.outcome().feedback(),
                test.visibility().key(),
                List.of(question.tier(), String.format("q%02d", question.number()))));
      }
    }
    // Gradescope shows this score, whatever the tests add up to: the one that counts.
    return new Results(
        Math.round(scorecard.finalScore() * 100) / 100.0,
        Math.max(0, Math.round(scorecard.duration().toMillis() / 1000.0)),
        output(scorecard),
        "text",
        Map.of(
            "isolation",
            scorecard.isolation().level().label(),
            "isolation_detail",
            scorecard.isolation().detail()),
        tests);
  }

  private static String output(Scorecard scorecard) {
    StringBuilder text = new StringBuilder();
    text.append("Total: ").append(Text.score(scorecard.score(), scorecard.maxScore())).append('\n');
    Text.adjustment(scorecard).forEach(line -> text.append(line).append('\n'));
    for (TierScore tier : scorecard.tiers()) {
      text.append("  ").append(tier.name()).append(": ")
          .append(Text.score(tier.score(), tier.maxScore())).append('\n');
    }
    text.append('\n');
    for (QuestionScore question : scorecard.questions()) {
      text.append("Question ").append(question.number()).append(" - ").append(question.title())
          .append(": ").append(Text.score(question.score(), question.maxScore()));
      if (!question.summary().isEmpty()) {
        text.append("\n  ").append(Text.indentFollowing(question.summary(), "  "));
      }
      for (String message : question.compilerMessages()) {
        text.append("\n  ").append(Text.indentFollowing(message, "    "));
      }
      for (String refusal : question.refusals()) {
        text.append("\n  ").append(Text.indentFollowing(refusal, "    "));
      }
      text.append('\n');
    }
    List<CompileProblem> unplaced =
        scorecard.compileProblems().stream().filter(problem -> problem.question() == null).toList();
    if (!unplaced.isEmpty()) {
      text.append("\nFiles that belong to no question and did not compile (left out):\n");
      unplaced.forEach(
          problem -> problem.messages().forEach(message -> text.append("  ").append(message).append('\n')));
    }
    List<VettingProblem> unused = scorecard.unusedRefusedCode();
    if (!unused.isEmpty()) {
      text.append(
          "\nCode that no question uses breaks a rule of the grader (it cost nothing, since it"
              + " never runs; remove it):\n");
      unused.forEach(problem -> text.append("  ").append(problem.message()).append('\n'));
    }
    if (!scorecard.warnings().isEmpty()) {
      text.append("\nNotes on your files:\n");
      scorecard.warnings().forEach(warning -> text.append("  ").append(warning).append('\n'));
    }
    return text.toString().strip();
  }

  /** Holds the top level of {@code results.json}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Results(
      double score,
      @JsonProperty("execution_time") long executionTime,
      String output,
      @JsonProperty("output_format") String outputFormat,
      @JsonProperty("extra_data") Map<String, String> extraData,
      List<Test> tests) {}

  /** Holds one test of {@code results.json}. */
  record Test(
      String name,
      String number,
      double score,
      @JsonProperty("max_score") double maxScore,
      String status,
      String output,
      String visibility,
      List<String> tags) {}
}
