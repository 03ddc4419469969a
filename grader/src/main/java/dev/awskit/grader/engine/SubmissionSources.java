package dev.awskit.grader.engine;

import dev.awskit.grader.intake.IntakeResult;
import dev.awskit.grader.intake.SubmissionIntake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes a submission in through the intake and finds its sources: the {@code .java} files outside
 * tests and hidden folders.
 */
final class SubmissionSources {

  private SubmissionSources() {}

  /**
   * Copies the submission into a sandbox under {@code scratch} through the intake and returns the
   * folder of its sources there.
   */
  static Path takeIn(Path submission, String what, Path scratch, List<String> warnings)
      throws SubmissionUnusableException, IOException {
    if (!Files.exists(submission)) {
      throw new SubmissionUnusableException("The " + what + " " + submission + " does not exist.");
    }
    IntakeResult intake = new SubmissionIntake(scratch.resolve("intake")).receive(submission);
    if (intake instanceof IntakeResult.Refused refused) {
      if (Files.isDirectory(submission) && javaSources(submission).isEmpty()) {
        throw noSources(what, submission);
      }
      throw new SubmissionUnusableException(refused.reason());
    }
    IntakeResult.Accepted accepted = (IntakeResult.Accepted) intake;
    if (javaSources(accepted.sourceRoot()).isEmpty()) {
      throw noSources(what, submission);
    }
    warnings.addAll(accepted.warnings());
    return accepted.sourceRoot();
  }

  private static SubmissionUnusableException noSources(String what, Path submission) {
    return new SubmissionUnusableException(
        "The " + what + " " + submission + " holds no .java file (outside src/test) to grade.");
  }

  /** Lists the {@code .java} files of a folder, leaving out tests and hidden folders. */
  static List<Path> javaSources(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> path.getFileName().toString().endsWith(".java"))
          .filter(path -> !isExcluded(folder.relativize(path)))
          .sorted()
          .toList();
    }
  }

  private static boolean isExcluded(Path relative) {
    List<String> parts = new ArrayList<>();
    relative.forEach(part -> parts.add(part.toString()));
    for (int index = 0; index < parts.size() - 1; index++) {
      if (parts.get(index).startsWith(".")) {
        return true;
      }
      if (parts.get(index).equals("src") && parts.get(index + 1).equals("test")) {
        return true;
      }
    }
    return false;
  }
}
