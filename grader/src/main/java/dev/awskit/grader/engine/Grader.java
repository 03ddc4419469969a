package dev.awskit.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades submissions: compiles their sources when they have any, runs the hidden tests against
 * them through a {@link SubmissionRunner}, and collects one outcome for every hidden test of the
 * catalog.
 *
 * <p>A problem in one question (a compile error, a missing class, an exception, a hang) costs
 * that question only. Not safe for use by several threads at once; use one grader per thread.
 */
public final class Grader implements AutoCloseable {

  private final Catalog catalog;
  private final SubmissionRunner runner;
  private final Clock clock;
  private final ClassLoader classes;
  private SourceCompiler compiler;

  /** Creates a grader of the catalog's questions that runs tests with {@code runner}. */
  public Grader(Catalog catalog, SubmissionRunner runner, Clock clock) {
    this.catalog = catalog;
    this.runner = runner;
    this.clock = clock;
    this.classes = Grader.class.getClassLoader();
  }

  /** Returns the catalog this grader grades against. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Grades one submission.
   *
   * @throws SubmissionUnusableException if there is nothing to grade: a missing folder, no Java
   *     source, classes the grader's class path does not hold
   */
  public GradingResult grade(SubmissionSource source, RunSettings settings)
      throws SubmissionUnusableException {
    Instant start = clock.instant();
    Path scratch = null;
    try {
      List<Path> roots;
      SourceCompiler.Compilation compilation;
      if (source instanceof SubmissionSource.Workspace workspace) {
        scratch = Files.createTempDirectory("awskit-grader-");
        compilation = compile(workspace.sources(), "student workspace", scratch);
        roots = List.of(scratch);
      } else if (source instanceof SubmissionSource.SourceFolder folder) {
        scratch = Files.createTempDirectory("awskit-grader-");
        compilation = compile(folder.folder(), "submission folder", scratch);
        roots = List.of(scratch);
      } else if (source instanceof SubmissionSource.Reference) {
        compilation = new SourceCompiler.Compilation(0, List.of(), List.of());
        roots = List.of(referenceRoot());
      } else {
        compilation = new SourceCompiler.Compilation(0, List.of(), List.of());
        roots = List.of(stubsRoot());
      }
      Map<String, TestResult> results = run(roots, compilation.problems(), settings);
      return new GradingResult(
          source.describe(),
          start.truncatedTo(ChronoUnit.SECONDS),
          Duration.between(start, clock.instant()),
          compilation.compiled(),
          compilation.skipped(),
          compilation.problems(),
          results);
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    } finally {
      deleteQuietly(scratch);
    }
  }

  private SourceCompiler.Compilation compile(Path folder, String what, Path output)
      throws SubmissionUnusableException, IOException {
    if (!Files.exists(folder)) {
      throw new SubmissionUnusableException("The " + what + " " + folder + " does not exist.");
    }
    if (!Files.isDirectory(folder)) {
      throw new SubmissionUnusableException(
          "The " + what + " " + folder + " is not a folder; give the folder that holds the"
              + " .java files.");
    }
    List<Path> sources = javaSources(folder);
    if (sources.isEmpty()) {
      throw new SubmissionUnusableException(
          "The " + what + " " + folder + " holds no .java file (outside src/test) to grade.");
    }
    return compiler().compile(folder, sources, output);
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

  private Map<String, TestResult> run(
      List<Path> roots, List<CompileProblem> problems, RunSettings settings) {
    Set<Integer> notCompiled =
        problems.stream()
            .map(CompileProblem::question)
            .filter(question -> question != null)
            .collect(Collectors.toSet());
    List<String> testClasses =
        catalog.questions().stream()
            .filter(question -> !notCompiled.contains(question.number()))
            .flatMap(question -> catalog.testClasses(question.number()).stream())
            .toList();
    Map<String, TestResult> results = new HashMap<>();
    Set<String> started = new HashSet<>();
    RunRequest request =
        new RunRequest(
            roots.stream().map(Path::toString).toList(),
            testClasses,
            settings.timeLimit().toMillis(),
            settings.parameters(),
            warmUpTypes(notCompiled));
    runner.run(
        request,
        event -> {
          if (event instanceof TestEvent.TestFinished finished) {
            results.putIfAbsent(
                finished.testId(),
                new TestResult(finished.testId(), finished.outcome(), finished.durationMillis()));
          } else {
            started.add(event.testId());
          }
        });
    Map<String, TestResult> complete = new HashMap<>();
    for (HiddenTest test : catalog.tests()) {
      TestResult result = results.get(test.id());
      if (notCompiled.contains(test.question())) {
        result = new TestResult(test.id(), notCompiledOutcome(problems, test.question()), 0);
      } else if (result == null) {
        String why =
            started.contains(test.id())
                ? "This test started but never reported how it ended."
                : "This test did not run.";
        result = new TestResult(test.id(), new TestOutcome.NotRun(why, ""), 0);
      }
      complete.put(test.id(), result);
    }
    return complete;
  }

  /** Lists the interfaces among the contracts' constructor parameters: the clients tests mock. */
  private List<String> warmUpTypes(Set<Integer> notCompiled) {
    return catalog.questions().stream()
        .filter(question -> !notCompiled.contains(question.number()))
        .flatMap(question -> question.constructorTypes().stream())
        .distinct()
        .toList();
  }

  private static TestOutcome notCompiledOutcome(List<CompileProblem> problems, int question) {
    List<String> files =
        problems.stream()
            .filter(problem -> problem.question() != null && problem.question() == question)
            .map(CompileProblem::file)
            .toList();
    String message =
        (files.size() == 1 ? "Your file " + files.get(0) + " does" : "Your files " + files + " do")
            + " not compile, so the tests of this question could not run. Fix the compiler's"
            + " errors shown for this question.";
    String detail =
        problems.stream()
            .filter(problem -> problem.question() != null && problem.question() == question)
            .flatMap(problem -> problem.messages().stream())
            .collect(Collectors.joining("\n"));
    return new TestOutcome.NotRun(message, detail);
  }

  private Path referenceRoot() throws SubmissionUnusableException {
    return rootOfImplementations(
        "dev.awskit.solutions",
        "The reference solution is not on the grader's class path (build the kit with the"
            + " solutions module).");
  }

  private Path stubsRoot() throws SubmissionUnusableException {
    return rootOfImplementations(
        Catalog.CONTRACTS_PACKAGE, "The exercise stubs are not on the grader's class path.");
  }

  private Path rootOfImplementations(String basePackage, String missing)
      throws SubmissionUnusableException {
    for (Question question : catalog.questions()) {
      String name =
          basePackage + question.implementationClassName().substring(Catalog.CONTRACTS_PACKAGE.length());
      var root = GraderClassPath.rootOf(name.replace('.', '/') + ".class", classes);
      if (root.isPresent()) {
        return root.get();
      }
    }
    throw new SubmissionUnusableException(missing);
  }

  private synchronized SourceCompiler compiler() {
    if (compiler == null) {
      compiler = new SourceCompiler(catalog, compileClassPath(), classes);
    }
    return compiler;
  }

  /**
   * Returns the class path submissions compile against: the grader's own, without the grader's
   * classes (hidden tests) and the reference solution, which a submission must not use.
   */
  private List<Path> compileClassPath() {
    Set<Path> excluded = new HashSet<>();
    GraderClassPath.rootOf(Grader.class.getName().replace('.', '/') + ".class", classes)
        .ifPresent(excluded::add);
    try {
      excluded.add(referenceRoot());
    } catch (SubmissionUnusableException noReference) {
      // Nothing to leave out then.
    }
    return GraderClassPath.entries().stream().filter(entry -> !excluded.contains(entry)).toList();
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException leftOver) {
      // A temporary folder left behind does no harm to the grade.
    }
  }

  @Override
  public void close() throws IOException {
    if (compiler != null) {
      compiler.close();
    }
  }
}
