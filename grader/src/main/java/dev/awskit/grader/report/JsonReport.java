package dev.awskit.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.awskit.grader.engine.CompileProblem;
import dev.awskit.grader.engine.SkippedFile;
import dev.awskit.grader.engine.VettingProblem;
import dev.awskit.grader.scoring.Adjustment;
import dev.awskit.grader.scoring.Lateness;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.TestScore;
import dev.awskit.grader.scoring.TierScore;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the full grade as JSON in the grader's own schema ({@code docs/report-schema.json}): for
 * the instructor, with the full trace of every failed test.
 */
public final class JsonReport {

  /** Names the schema version this writer produces; it changes when the schema does. */
  public static final int SCHEMA_VERSION = 1;

  // One writer, thread-safe, for every report: a new mapper looks into every record type again.
  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writer();

  private JsonReport() {}

  /** Writes the report of {@code scorecard} to {@code out}. */
  public static void write(Scorecard scorecard, Writer out) throws IOException {
    WRITER.writeValue(out, of(scorecard));
  }

  /** Returns the writer of the grader's JSON reports: indented, leaving the target open. */
  static ObjectWriter writer() {
    return WRITER;
  }

  static Report of(Scorecard scorecard) {
    return new Report(
        SCHEMA_VERSION,
        scorecard.submission(),
        scorecard.gradedAt().toString(),
        scorecard.duration().toMillis() / 1000.0,
        scorecard.score(),
        scorecard.maxScore(),
        scorecard.tiers().stream().map(JsonReport::tier).toList(),
        scorecard.questions().stream().map(JsonReport::question).toList(),
        scorecard.skippedFiles().stream().map(JsonReport::skipped).toList(),
        scorecard.compileProblems().stream().map(JsonReport::problem).toList(),
        scorecard.vettingProblems().stream().map(JsonReport::refusal).toList(),
        scorecard.warnings(),
        new IsolationUsed(scorecard.isolation().level().label(), scorecard.isolation().detail()),
        scorecard.adjustment().map(JsonReport::adjusted).orElse(null));
  }

  private static Adjusted adjusted(Adjustment adjustment) {
    return new Adjusted(
        adjustment.raw(),
        adjustment.overridePoints(),
        adjustment.latePenalty(),
        adjustment.finalScore(),
        adjustment.overrides(),
        adjustment.late());
  }

  private static Tier tier(TierScore tier) {
    return new Tier(tier.name(), tier.questions(), tier.score(), tier.maxScore());
  }

  private static Question question(QuestionScore question) {
    return new Question(
        question.number(),
        question.title(),
        question.tier(),
        question.score(),
        question.maxScore(),
        question.status().key(),
        question.summary(),
        question.compilerMessages(),
        question.tests().stream().map(JsonReport::test).toList());
  }

  private static Test test(TestScore test) {
    return new Test(
        test.id(),
        test.name(),
        test.weight(),
        test.score(),
        test.maxScore(),
        test.visibility().key(),
        Text.status(test.outcome()),
        test.outcome().feedback(),
        test.outcome().detail(),
        test.durationMillis(),
        test.output().isEmpty() ? null : test.output());
  }

  private static Skipped skipped(SkippedFile file) {
    return new Skipped(file.file(), file.reason());
  }

  private static Problem problem(CompileProblem problem) {
    return new Problem(problem.file(), problem.question(), problem.messages());
  }

  private static Refusal refusal(VettingProblem problem) {
    return new Refusal(
        problem.question(),
        problem.className(),
        problem.method(),
        problem.line(),
        problem.file(),
        problem.rule(),
        problem.message());
  }

  /** Holds the report's top level. */
  record Report(
      int schemaVersion,
      String submission,
      String gradedAt,
      double durationSeconds,
      double score,
      double maxScore,
      List<Tier> tiers,
      List<Question> questions,
      List<Skipped> skippedFiles,
      List<Problem> compileProblems,
      List<Refusal> vettingProblems,
      List<String> warnings,
      IsolationUsed isolation,
      @JsonInclude(JsonInclude.Include.NON_NULL) Adjusted adjustment) {}

  /** Holds what changed the score after grading, beside the raw score. */
  record Adjusted(
      double rawScore,
      double overridePoints,
      double latePenalty,
      double finalScore,
      List<Adjustment.AppliedOverride> overrides,
      @JsonInclude(JsonInclude.Include.NON_NULL) Lateness late) {}

  /** Holds how the code under grading was kept apart: the level and what it consisted of. */
  record IsolationUsed(String level, String detail) {}

  /** Holds one tier. */
  record Tier(String name, List<Integer> questions, double score, double maxScore) {}

  /** Holds one question. */
  record Question(
      int number,
      String title,
      String tier,
      double score,
      double maxScore,
      String status,
      String summary,
      List<String> compilerMessages,
      List<Test> tests) {}

  /** Holds one hidden test. */
  record Test(
      String id,
      String name,
      double weight,
      double score,
      double maxScore,
      String visibility,
      String status,
      String feedback,
      String detail,
      long durationMillis,
      @JsonInclude(JsonInclude.Include.NON_NULL) String output) {}

  /** Holds a file left out on purpose. */
  record Skipped(String file, String reason) {}

  /** Holds a file that did not compile. */
  record Problem(String file, Integer question, List<String> messages) {}

  /** Holds a place the static vetting refused, and the question it cost (none: a warning). */
  record Refusal(
      Integer question,
      String className,
      String method,
      int line,
      String file,
      String rule,
      String message) {}
}
