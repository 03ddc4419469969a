package dev.awskit.grader.engine;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a submission's sources in this process, against the exercise contracts on the
 * grader's class path, so that a compile error costs only the question whose file it is in.
 *
 * <p>Files that declare exercise contract types are left out: a submission cannot replace the
 * interfaces (or their enums, records, exceptions) it is graded against. When files do not
 * compile, they are dropped and the rest compiled again, until what is left compiles. Not safe
 * for use by several threads at once.
 */
final class SourceCompiler implements AutoCloseable {

  private static final List<String> OPTIONS =
      List.of(
          "--release", "17", "-proc:none", "-implicit:none", "-g", "-nowarn", "-Xmaxerrs", "500");

  private final Catalog catalog;
  private final ClassLoader grader;
  private final JavaCompiler javac;
  private final StandardJavaFileManager files;

  SourceCompiler(Catalog catalog, List<Path> classPath, ClassLoader grader) {
    this.catalog = catalog;
    this.grader = grader;
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "The grader compiles submissions and needs a JDK (with javac), not only a Java runtime;"
              + " run it with a JDK 17 or newer.");
    }
    this.files = javac.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8);
    try {
      this.files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
    } catch (IOException unusable) {
      throw new UncheckedIOException(unusable);
    }
  }

  /**
   * Compiles {@code sources} into {@code output}.
   *
   * @param base the submission's folder, against which file names are reported
   * @param sourceFiles the {@code .java} files to compile
   * @param output an empty directory for the classes
   */
  Compilation compile(Path folder, List<Path> sourceFiles, Path output) {
    Path base = folder.toAbsolutePath().normalize();
    List<Path> sources =
        sourceFiles.stream().map(file -> file.toAbsolutePath().normalize()).toList();
    List<SkippedFile> skipped = new ArrayList<>();
    Map<Path, ParsedFile> parsed = parse(sources);
    List<Path> remaining = new ArrayList<>();
    for (Path source : sources) {
      ParsedFile file = parsed.get(source);
      Optional<String> reason = reasonToSkip(source, file);
      if (reason.isPresent()) {
        skipped.add(new SkippedFile(relative(base, source), reason.get()));
      } else {
        remaining.add(source);
      }
    }
    List<CompileProblem> problems = new ArrayList<>();
    while (!remaining.isEmpty()) {
      Map<Path, List<String>> errors = compileOnce(base, remaining, output);
      if (errors.isEmpty()) {
        break;
      }
      errors.forEach(
          (source, messages) -> {
            problems.add(
                new CompileProblem(
                    relative(base, source), questionOf(parsed.get(source)).orElse(null), messages));
            remaining.remove(source);
          });
    }
    if (remaining.isEmpty()) {
      clean(output);
    }
    problems.sort(Comparator.comparing(CompileProblem::file));
    Map<Integer, List<String>> typesByQuestion = new TreeMap<>();
    for (Path source : remaining) {
      ParsedFile file = parsed.get(source);
      questionOf(file)
          .ifPresent(
              question ->
                  file.types().stream()
                      .map(type -> file.packageName().isEmpty() ? type : file.packageName() + "." + type)
                      .forEach(
                          name ->
                              typesByQuestion.computeIfAbsent(question, key -> new ArrayList<>()).add(name)));
    }
    return new Compilation(remaining.size(), skipped, problems, typesByQuestion);
  }

  private Map<Path, List<String>> compileOnce(Path base, List<Path> sources, Path output) {
    clean(output);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
    } catch (IOException unusable) {
      throw new UncheckedIOException(unusable);
    }
    boolean compiled =
        javac
            .getTask(null, files, diagnostics, OPTIONS, null, files.getJavaFileObjectsFromPaths(sources))
            .call();
    Map<Path, List<String>> errors = new LinkedHashMap<>();
    List<String> unplaced = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
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

  private static Path fileOf(JavaFileObject source) {
    if (source == null || !"file".equals(source.toUri().getScheme())) {
      return null;
    }
    return Path.of(source.toUri()).toAbsolutePath().normalize();
  }

  private Map<Path, ParsedFile> parse(List<Path> sources) {
    Map<Path, ParsedFile> parsed = new LinkedHashMap<>();
    JavacTask task =
        (JavacTask)
            javac.getTask(
                null,
                files,
                new DiagnosticCollector<>(),
                OPTIONS,
                null,
                files.getJavaFileObjectsFromPaths(sources));
    try {
      for (CompilationUnitTree unit : task.parse()) {
        Path file = fileOf(unit.getSourceFile());
        String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        Set<String> types = new LinkedHashSet<>();
        Set<String> implemented = new LinkedHashSet<>();
        for (Tree declaration : unit.getTypeDecls()) {
          if (declaration instanceof ClassTree type && !type.getSimpleName().isEmpty()) {
            types.add(type.getSimpleName().toString());
            for (Tree contract : type.getImplementsClause()) {
              implemented.add(simpleName(contract.toString()));
            }
          }
        }
        parsed.put(file, new ParsedFile(packageName, List.copyOf(types), List.copyOf(implemented)));
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return parsed;
  }

  private Optional<String> reasonToSkip(Path source, ParsedFile file) {
    String name = source.getFileName().toString();
    if (name.equals("module-info.java") || name.equals("package-info.java")) {
      return Optional.of("module and package descriptors are not part of a submission");
    }
    if (file == null) {
      return Optional.empty();
    }
    Set<String> implementations = catalog.implementationClassNames();
    for (String type : file.types()) {
      String binaryName = file.packageName().isEmpty() ? type : file.packageName() + "." + type;
      if (binaryName.startsWith(Catalog.CONTRACTS_PACKAGE + ".")
          && !implementations.contains(binaryName)
          && grader.getResource(binaryName.replace('.', '/') + ".class") != null) {
        return Optional.of(
            "it declares " + type + ", a type of the exercise contracts, which a submission"
                + " cannot replace; the grader uses its own copy");
      }
    }
    return Optional.empty();
  }

  /** Tells which question a file belongs to: what it implements, what it is named, its package. */
  private Optional<Integer> questionOf(ParsedFile file) {
    if (file == null) {
      return Optional.empty();
    }
    for (String contract : file.implemented()) {
      Optional<Integer> question = catalog.questionNamed(contract);
      if (question.isPresent()) {
        return question;
      }
    }
    for (String type : file.types()) {
      Optional<Integer> question = catalog.questionNamed(type);
      if (question.isPresent()) {
        return question;
      }
    }
    return catalog.questionOfPackage(file.packageName());
  }

  private static String simpleName(String typeName) {
    int generic = typeName.indexOf('<');
    String raw = generic < 0 ? typeName : typeName.substring(0, generic);
    return raw.substring(raw.lastIndexOf('.') + 1).trim();
  }

  static String relative(Path base, Path file) {
    Path shown = file.startsWith(base) ? base.relativize(file) : file;
    return shown.toString().replace('\\', '/');
  }

  private static void clean(Path output) {
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

  @Override
  public void close() throws IOException {
    files.close();
  }

  /** Holds what parsing told about a source file. */
  private record ParsedFile(String packageName, List<String> types, List<String> implemented) {}

  /**
   * Holds the result of compiling a submission.
   *
   * @param compiled how many files compiled
   * @param skipped files left out on purpose
   * @param problems files that did not compile
   * @param typesByQuestion the binary names of the top-level types declared in the files that
   *     compiled, by the question each file belongs to (files of no question left out)
   */
  record Compilation(
      int compiled,
      List<SkippedFile> skipped,
      List<CompileProblem> problems,
      Map<Integer, List<String>> typesByQuestion) {

    /** Returns the compilation of a submission that was compiled already: nothing to report. */
    static Compilation none() {
      return new Compilation(0, List.of(), List.of(), Map.of());
    }
  }
}
