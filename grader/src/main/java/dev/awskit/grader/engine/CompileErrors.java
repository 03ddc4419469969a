package dev.awskit.grader.engine;

import static dev.awskit.grader.engine.SourcePaths.fileOf;
import static dev.awskit.grader.engine.SourcePaths.relative;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Sorts the errors javac reported on a task by the file of the submission each belongs to. */
final class CompileErrors {

  private CompileErrors() {}

  /**
   * Returns each file's errors as the student reads them ({@code path:line: message}), by file,
   * for the files of {@code sources}.
   *
   * @param compiled whether javac said the task compiled
   * @throws IllegalStateException when javac failed without an error in any of {@code sources}
   */
  static Map<Path, List<String>> byFile(
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      List<Path> sources,
      Path base,
      boolean compiled) {
    Map<Path, List<String>> errors = new LinkedHashMap<>();
    List<String> unplaced = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String message = diagnostic.getMessage(Locale.ENGLISH);
      Path file = fileOf(diagnostic.getSource());
      if (file == null || !sources.contains(file)) {
        unplaced.add(message);
        continue;
      }
      errors
          .computeIfAbsent(file, key -> new ArrayList<>())
          .add(relative(base, file) + ":" + diagnostic.getLineNumber() + ": " + message);
    }
    if (!compiled && errors.isEmpty()) {
      throw new IllegalStateException("The compiler failed without naming a file: " + unplaced);
    }
    return errors;
  }
}
