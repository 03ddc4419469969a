package dev.awskit.grader.testing;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import dev.awskit.grader.engine.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds submissions for the grader's proofs: the reference solution's sources with some files
 * replaced, as a student who got one question wrong (or differently right) would hand in.
 */
public final class Assembled {

  /** Names the package under which each question of the reference has a package of its own. */
  public static final String SOLUTIONS_PACKAGE = "dev.awskit.solutions";

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
   * Copies the reference sources of question {@code question}'s package alone into {@code
   * target} and puts every {@code .java} file of {@code replacements} in place of the same-named
   * one: a submission of that question only.
   */
  public static Path questionWith(Path replacements, int question, Path target) {
    return replace(question(question, target), replacements, question);
  }

  /** Copies the sources of the reference's question {@code question} alone into {@code target}. */
  public static Path question(int question, Path target) {
    try {
      copyTree(
          Graded.SOLUTION_SOURCES.resolve(packageFolder(question)),
          target.resolve(packageFolder(question)));
      return target;
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
  }

  /** Returns the package of the reference's question {@code question}: dev.awskit.solutions.qNN. */
  public static String packageOf(int question) {
    return String.format("%s.q%02d", SOLUTIONS_PACKAGE, question);
  }

  /**
   * Puts every {@code .java} file of {@code replacements} in place of the same-named file of
   * question {@code question}'s package in the assembled {@code submission}, leaving the other
   * files as they are, so that several questions can be replaced one after the other.
   */
  public static Path replace(Path submission, Path replacements, int question) {
    try {
      Path packageFolder = submission.resolve(packageFolder(question));
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

  /**
   * Returns the packages that the {@code .java} files of {@code folder} declare, as javac's parser
   * reads them (comments, line breaks and all), by file name; its messages are left out, since
   * grading the files reports them.
   */
  public static Map<String, String> declaredPackages(Path folder) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8)) {
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  null, files, diagnostic -> {}, List.of("-proc:none"), null,
                  files.getJavaFileObjectsFromPaths(javaFiles(folder)));
      Map<String, String> packages = new TreeMap<>();
      for (CompilationUnitTree unit : task.parse()) {
        packages.put(
            Path.of(unit.getSourceFile().toUri()).getFileName().toString(),
            unit.getPackageName() == null ? "" : unit.getPackageName().toString());
      }
      return packages;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /**
   * Moves the reference's packages of {@code submission} into the student kit's, where a student
   * writes the classes (the stubs' packages), and rewrites the files' package and import lines to
   * match; the folder then holds what a student hands in.
   */
  public static Path inStudentLayout(Path submission) {
    Path reference = submission.resolve(SOLUTIONS_PACKAGE.replace('.', '/'));
    Path student = submission.resolve(Catalog.CONTRACTS_PACKAGE.replace('.', '/'));
    if (!Files.isDirectory(reference)) {
      return submission;
    }
    try (Stream<Path> walk = Files.walk(reference)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path moved = student.resolve(reference.relativize(file).toString());
        Files.createDirectories(moved.getParent());
        Files.writeString(
            moved,
            Files.readString(file).replace(SOLUTIONS_PACKAGE + ".", Catalog.CONTRACTS_PACKAGE + "."));
        Files.delete(file);
      }
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
    return submission;
  }

  private static Path packageFolder(int question) {
    return Path.of(packageOf(question).replace('.', '/'));
  }

  private static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Copies the tree at {@code source} into {@code target}, replacing the files it holds. */
  public static void copyTree(Path source, Path target) throws IOException {
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
