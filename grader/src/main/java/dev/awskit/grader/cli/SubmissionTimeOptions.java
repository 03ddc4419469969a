package dev.awskit.grader.cli;

import dev.awskit.grader.batch.GradescopeMetadata;
import dev.awskit.grader.batch.SubmissionTimes;
import dev.awskit.grader.scoring.AdjustmentPlan;
import dev.awskit.grader.scoring.LatePolicy;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.SubmissionTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Adds to {@code grade} when the submission was handed in, so that the policy's late section
 * applies to one submission as {@code batch} applies it to a class: the student's report then
 * shows the raw score, the late penalty and the final score.
 */
final class SubmissionTimeOptions {

  /** Names where a time given with {@code --submitted-at} came from, as the report shows it. */
  static final String COMMAND_LINE = "command line";

  private static final String FORM = "like 2026-03-02T23:59:00+01:00 or 2026-03-02T22:59:00Z";

  @Option(
      names = "--submission-metadata",
      paramLabel = "FILE",
      description =
          "Gradescope's submission_metadata.json (on Gradescope"
              + " /autograder/submission_metadata.json, which the Gradescope bundle passes): its"
              + " created_at is the submission time for the policy's late section, and its users'"
              + " e-mail addresses may name an extension.")
  Path metadata;

  @Option(
      names = "--submitted-at",
      paramLabel = "TIME",
      description =
          "When the submission was handed in, for the policy's late section: ISO-8601 with an"
              + " offset, " + FORM + ".")
  String submittedAt;

  /** Holds what the options say, read before anything is graded. */
  sealed interface Given permits Nothing, Time, Wrong {}

  /** Says that neither option was given. */
  record Nothing() implements Given {}

  /**
   * Holds the submission time the options give.
   *
   * @param time when it was handed in; empty when the metadata could not tell (the report says
   *     the time is unknown)
   * @param names the names an extension may be filed under besides the submission's: the
   *     metadata's e-mail addresses
   */
  record Time(Optional<SubmissionTime> time, List<String> names) implements Given {

    /** Copies the list. */
    Time {
      names = List.copyOf(names);
    }
  }

  /**
   * Says what is wrong with the options.
   *
   * @param message what is wrong and what to do
   */
  record Wrong(String message) implements Given {}

  /**
   * Reads the options: the time given, or the metadata file. A metadata file that cannot be read
   * is a warning, not an error: it is Gradescope's, not the student's, and the submission is
   * graded with its time unknown.
   */
  Given read(Context context) {
    if (metadata != null && submittedAt != null) {
      return new Wrong("Give --submission-metadata or --submitted-at, not both.");
    }
    if (submittedAt != null) {
      return parsed(submittedAt.strip());
    }
    if (metadata == null) {
      return new Nothing();
    }
    Path file = context.resolve(metadata);
    if (!Files.isRegularFile(file)) {
      return new Wrong(
          "--submission-metadata "
              + metadata
              + ": no such file. On Gradescope it is /autograder/submission_metadata.json.");
    }
    GradescopeMetadata.Read read = GradescopeMetadata.read(file);
    if (read instanceof GradescopeMetadata.Found found) {
      return new Time(
          Optional.of(
              new SubmissionTime(found.metadata().createdAt(), SubmissionTimes.METADATA_FILE)),
          found.metadata().emails());
    }
    context.err().println(
        "Warning: "
            + metadata
            + ": "
            + ((GradescopeMetadata.Broken) read).problem()
            + ". The submission time is unknown, so there is no late penalty; the report says"
            + " so.");
    return new Time(Optional.empty(), List.of());
  }

  /**
   * Applies the policy's late section to a scorecard, when the options gave a time.
   *
   * @param scorecard the graded submission
   * @param late the policy's late section, if it has one
   * @param given what {@link #read} returned
   * @param submission the submission's name, under which an extension may be filed
   * @param maxScore what the total is out of
   */
  static Scorecard adjust(
      Context context,
      Scorecard scorecard,
      Optional<LatePolicy> late,
      Given given,
      String submission,
      double maxScore) {
    if (late.isEmpty()) {
      if (given instanceof Time) {
        context.err().println(
            "Note: the policy has no late section, so the submission time changes nothing.");
      }
      return scorecard;
    }
    if (!(given instanceof Time time)) {
      context.err().println(
          "Note: the policy sets a due date, but grade was given no submission time"
              + " (--submission-metadata or --submitted-at), so there is no late penalty.");
      return scorecard;
    }
    List<String> names = new ArrayList<>(time.names());
    names.add(submission);
    String student =
        names.stream()
            .filter(late.get().extensions()::containsKey)
            .findFirst()
            .orElse(submission);
    AdjustmentPlan plan =
        new AdjustmentPlan(late.get().assess(student, time.time(), maxScore), List.of());
    return scorecard.withAdjustment(plan.applyTo(scorecard));
  }

  private static Given parsed(String text) {
    try {
      return new Time(
          Optional.of(
              new SubmissionTime(OffsetDateTime.parse(text).toInstant(), COMMAND_LINE)),
          List.of());
    } catch (DateTimeParseException notWithAnOffset) {
      try {
        LocalDateTime.parse(text);
        return new Wrong(
            "--submitted-at '" + text + "' has no offset from UTC; add one, " + FORM + ".");
      } catch (DateTimeParseException notADate) {
        return new Wrong(
            "--submitted-at '"
                + text
                + "' is not a date and time; write ISO-8601 with an offset, "
                + FORM
                + ".");
      }
    }
  }
}
