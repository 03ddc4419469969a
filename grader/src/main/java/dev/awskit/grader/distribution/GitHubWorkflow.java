package dev.awskit.grader.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Provides the GitHub Actions workflow template that grades a student repository.
 *
 * <p>The workflow checks out the repository, sets up a Temurin JDK 17 with the Maven cache, builds
 * the exercises and runs the public tests, fetches the grader (the {@code autograder.zip} that
 * {@link GradescopeBundle} writes, published as a release asset of a private repository), installs
 * bubblewrap and lifts Ubuntu 24.04's AppArmor restriction on unprivileged user namespaces so that
 * the grader can confine the student code, prints the isolation level, grades the student
 * workspace with {@code --isolation auto}, appends the Markdown summary to the job summary and uploads {@code
 * grading-reports/} as an artifact. It fails because of the score only when the instructor sets the
 * repository variable {@code MIN_SCORE}. {@code docs/distribution.md} explains the set-up.
 */
public final class GitHubWorkflow {

  /** Names the place of the workflow in a student repository. */
  public static final String WORKFLOW_PATH = ".github/workflows/grade.yml";

  private GitHubWorkflow() {}

  /** Returns the workflow's YAML text. */
  public static String template() {
    return Templates.read("github/grade.yml");
  }

  /**
   * Writes the workflow to {@code file}, making missing folders.
   *
   * @return the file written
   */
  public static Path write(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    return Files.writeString(absolute, template(), StandardCharsets.UTF_8);
  }
}
