package dev.awskit.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Names the files of a compile as the grader reports them, and empties its output folder. */
final class SourcePaths {

  private SourcePaths() {}

  /** Returns the file javac read {@code source} from, or null when it is no file on disk. */
  static Path fileOf(JavaFileObject source) {
    if (source == null || !"file".equals(source.toUri().getScheme())) {
      return null;
    }
    return Path.of(source.toUri()).toAbsolutePath().normalize();
  }

  /** Returns {@code file} as shown to a student: relative to {@code base}, with forward slashes. */
  static String relative(Path base, Path file) {
    Path shown = file.startsWith(base) ? base.relativize(file) : file;
    return shown.toString().replace('\\', '/');
  }

  /** Deletes what {@code output} holds, keeping the folder itself. */
  static void clean(Path output) {
    if (!Files.isDirectory(output)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(output)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(output)) {
          Files.delete(path);
        }
      }
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
  }
}
