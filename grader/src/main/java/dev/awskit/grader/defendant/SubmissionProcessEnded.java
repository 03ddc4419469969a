package dev.awskit.grader.defendant;

import java.io.Serial;

/**
 * Fails a test whose call into the submission's code cannot finish, because the JVM that runs
 * that code ended or broke the channel to the tests.
 *
 * <p>It is an {@link AssertionError} so that it costs the test that made the call, with a message
 * the student reads.
 */
public final class SubmissionProcessEnded extends AssertionError {

  @Serial private static final long serialVersionUID = 1L;

  SubmissionProcessEnded(String why) {
    super(
        "The Java process that runs your code ended before this test's call returned (" + why
            + "); a submission must return or throw, never end or break its process.");
  }
}
