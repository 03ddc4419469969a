package dev.awskit.grader.distribution;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the kit's repository from the folder the tests run in (the grader module's). */
final class Repository {

  private Repository() {}

  /** Returns the repository root: the nearest folder up from here with mvnw and exercises/. */
  static Path root() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve("mvnw"))
          && Files.isRegularFile(folder.resolve("exercises").resolve("pom.xml"))) {
        return folder;
      }
    }
    throw new IllegalStateException("The tests must run inside the kit's repository");
  }
}
