package dev.awskit.grader.batch;

import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.scoring.Scorecard;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Grades one student's submission the way the {@code grade} command grades one submission, and
 * writes its reports. The batch calls it from several threads at once.
 */
@FunctionalInterface
public interface SubmissionGrader {

  /**
   * Grades {@code submission}, writes its reports into {@code reportFolder} (created when missing),
   * and returns its scorecard once the reports are complete.
   *
   * @throws SubmissionUnusableException when there is nothing to grade; the message says why
   * @throws IOException when the reports cannot be written
   */
  Scorecard grade(StudentSubmission submission, Path reportFolder)
      throws SubmissionUnusableException, IOException;
}
