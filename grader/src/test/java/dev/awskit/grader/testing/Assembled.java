package dev.awskit.grader.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds submissions for the grader's proofs: the reference solution's sources with some files
 * replaced, as a student who got one question wrong (or differently right) would hand in.
 */
public final class Assembled {

  private Assembled() {}

  /** Copies the reference sources into {@code target}. */
  public static Path reference(Path target) {
    try {
      copyTree(Graded.SOLUTION_SOURCES, target);
      return target;
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
  }

  /**
   * Copies the reference sources into {@code target} and puts every {@code .java} file of {@code
   * replacements} in place of the same-named file of question {@code question}'s package.
   */
  public static Path referenceWith(Path replacements, int question, Path target) {
    return replace(reference(target), replacements, question);
  }

  /**
   * Puts every {@code .java} file of {@code replacements} in place of the same-named file of
   * question {@code question}'s package in the assembled {@code submission}, leaving the other
   * files as they are, so that several questions can be replaced one after the other.
   */
  public static Path replace(Path submission, Path replacements, int question) {
    String questionPackage = String.format("q%02d", question);
    try {
      Path packageFolder =
          submission.resolve(Path.of("dev", "awskit", "solutions", questionPackage));
      for (Path replacement : javaFiles(replacements)) {
        Files.copy(
            replacement,
            packageFolder.resolve(replacement.getFileName().toString()),
            StandardCopyOption.REPLACE_EXISTING);
      }
      return submission;
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
  }

  /** Lists the case folders {@code root/qNN/<case>} as {@code qNN/<case>}, sorted. */
  public static List<String> cases(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root, 2)) {
      return walk.filter(path -> root.relativize(path).getNameCount() == 2)
          .filter(Files::isDirectory)
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Returns the question number of a case named {@code qNN/<case>}. */
  public static int questionOf(String caseName) {
    return Integer.parseInt(caseName.substring(1, 3));
  }

  private static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
