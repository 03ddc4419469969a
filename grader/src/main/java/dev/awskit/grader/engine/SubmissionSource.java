package dev.awskit.grader.engine;

import java.nio.file.Path;

/** Names what to grade: sources to compile, or classes that the grader's class path holds. */
public sealed interface SubmissionSource {

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
   * Grades a folder of {@code .java} files in any layout; files under {@code src/test} are left
   * out.
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
