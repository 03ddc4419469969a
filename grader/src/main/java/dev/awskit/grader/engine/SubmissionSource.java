package dev.awskit.grader.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Names what to grade: sources to compile, or classes that the grader's class path holds. */
public sealed interface SubmissionSource {

  /**
   * Returns the submission at {@code path}: the workspace of a kit's root folder (a student's
   * clone, whose {@code exercises/src/main/java} is graded), otherwise the folder or zip itself.
   */
  static SubmissionSource at(Path path) {
    Path workspace = path.resolve(Workspace.DEFAULT);
    return Files.isDirectory(workspace) ? new Workspace(workspace) : new SourceFolder(path);
  }

  /** Returns a short description for reports. */
  String describe();

  /**
   * Grades the student workspace: the sources under {@code exercises/src/main/java} of a kit.
   *
   * @param sources the source folder, usually {@code exercises/src/main/java}
   */
  record Workspace(Path sources) implements SubmissionSource {

    /** Names the workspace's sources folder relative to the kit's root. */
    public static final Path DEFAULT = Path.of("exercises", "src", "main", "java");

    @Override
    public String describe() {
      return "student workspace " + sources;
    }
  }

  /**
   * Grades a folder of {@code .java} files in any layout, or a zip of one; files under {@code
   * src/test} are left out.
   *
   * @param folder the folder, or the {@code .zip} file
   */
  record SourceFolder(Path folder) implements SubmissionSource {
    @Override
    public String describe() {
      return "sources in " + folder;
    }
  }

  /** Grades the reference solution, whose classes are on the grader's class path. */
  record Reference() implements SubmissionSource {
    @Override
    public String describe() {
      return "reference solution";
    }
  }

  /** Grades the untouched stubs of the exercises, whose classes are on the grader's class path. */
  record Stubs() implements SubmissionSource {
    @Override
    public String describe() {
      return "untouched stubs";
    }
  }
}
