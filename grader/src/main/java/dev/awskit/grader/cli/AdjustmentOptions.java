package dev.awskit.grader.cli;

import dev.awskit.grader.batch.ClassAdjustments;
import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.batch.SubmissionTimes;
import dev.awskit.grader.classview.LmsRoster;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.LatePolicy;
import dev.awskit.grader.scoring.LatePolicyFile;
import dev.awskit.grader.scoring.OverridesFile;
import dev.awskit.grader.scoring.PolicyException;
import dev.awskit.grader.scoring.ScoreOverride;
import dev.awskit.grader.scoring.SubmissionTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * Adds what changes scores after grading to {@code batch}: the overrides file and where submission
 * times come from; the due date and late penalty come from the policy's {@code late} section.
 */
final class AdjustmentOptions {

  @Option(
      names = "--overrides",
      paramLabel = "FILE",
      description =
          "Overrides CSV (student,question,score,reason): a new score (7.5) or a change (+2, -1.5)"
              + " on one student's question, with the reason the student sees. Applied after"
              + " grading; the raw score stays beside it. Checked whole before grading: one bad"
              + " line grades nothing.")
  Path overrides;

  @Option(
      names = "--submission-time",
      paramLabel = "SOURCE",
      defaultValue = "recorded",
      description =
          "Where submission times come from, for the policy's late section: recorded (default:"
              + " a student's submission_metadata.json from Gradescope, else the roster's"
              + " submitted_at column) or files (those, else the newest file time of the"
              + " submission). A student with no time gets no late penalty and is listed.")
  String submissionTime = "recorded";

  /**
   * Reads the late policy and the overrides and finds every student's submission time, warning
   * about what does not stop the batch.
   *
   * @param policy the policy file, or {@code null} for the built-in one
   * @param students the class's submissions
   * @param roster the platform roster, when one was given
   * @throws PolicyException when the policy's late section or the overrides file is wrong
   */
  ClassAdjustments prepare(
      Context context,
      Path policy,
      GradingScheme scheme,
      List<StudentSubmission> students,
      Optional<LmsRoster> roster)
      throws PolicyException {
    Optional<LatePolicy> late =
        policy == null
            ? Optional.empty()
            : LatePolicyFile.load(context.resolve(policy), policy.toString());
    Collection<String> ids = students.stream().map(StudentSubmission::id).toList();
    Map<String, List<ScoreOverride>> changes =
        overrides == null
            ? Map.of()
            : OverridesFile.read(context.resolve(overrides), overrides.toString(), ids, scheme);
    Map<String, Optional<SubmissionTime>> times = new LinkedHashMap<>();
    if (late.isPresent()) {
      Set<String> strangers = new TreeSet<>(late.get().extensions().keySet());
      strangers.removeAll(ids);
      if (!strangers.isEmpty()) {
        context.err().println(
            "Warning: the policy extends the due date of students the batch folder does not"
                + " have: " + String.join(", ", strangers) + ".");
      }
      SubmissionTimes finder =
          new SubmissionTimes(
              roster.map(LmsRoster::submissionTimes).orElse(Map.of()), fileTimes());
      List<String> problems = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (StudentSubmission student : students) {
        Optional<SubmissionTime> time = finder.of(student, problems);
        times.put(student.id(), time);
        if (time.isEmpty()) {
          unknown.add(student.id());
        }
      }
      problems.forEach(problem -> context.err().println("Warning: " + problem));
      if (!unknown.isEmpty()) {
        context.err().println(
            "Warning: no submission time for " + String.join(", ", unknown) + ", so no late"
                + " penalty for them (a roster's submitted_at column, or --submission-time"
                + " files, gives one).");
      }
    }
    context.err().flush();
    return new ClassAdjustments(scheme, late, changes, times);
  }

  /** Reports a broken late section or overrides file and returns the usage exit code. */
  int broken(Context context, PolicyException problem) {
    if (overrides == null || !problem.file().equals(overrides.toString())) {
      return Policies.broken(context, problem);
    }
    context.err().println("Broken overrides file: " + problem.getMessage());
    context.err().println(
        "Nothing was graded or changed. docs/grading-policy.md describes the format.");
    context.err().flush();
    return ExitCodes.USAGE;
  }

  /** Returns a message when the option's value is wrong; empty when it is right. */
  Optional<String> problem() {
    String source = submissionTime.trim().toLowerCase(Locale.ROOT);
    return List.of("recorded", "files").contains(source)
        ? Optional.empty()
        : Optional.of(
            "Unknown --submission-time '" + submissionTime + "'; choose recorded or files.");
  }

  private boolean fileTimes() {
    return submissionTime.trim().equalsIgnoreCase("files");
  }
}
