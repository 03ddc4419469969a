package dev.awskit.grader.engine;

import dev.awskit.grader.vetting.Attribution;
import dev.awskit.grader.vetting.StaticVetting;
import dev.awskit.grader.vetting.VettingReport;
import dev.awskit.grader.vetting.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grades submissions: takes in their sources through the intake (a folder or a zip, copied into a
 * sandbox), compiles them, vets the compiled classes with the static vetting rules, runs the
 * hidden tests against them through a {@link SubmissionRunner}, and collects one outcome for every
 * hidden test of the catalog. The grader itself never loads a submission's class: the runner
 * does, in a worker JVM unless the grader was given the in-process runner.
 *
 * <p>A problem in one question (a compile error, refused code, a missing class, an exception, a
 * hang, a crash) costs that question only. Not safe for use by several threads at once; use one grader per thread.
 */
public final class Grader implements AutoCloseable {

  private final Catalog catalog;
  private final SubmissionRunner runner;
  private final Clock clock;
  private final ClassLoader classes;
  private final StaticVetting vetting = new StaticVetting();
  private final RunRequests requests;
  private final CompilerPool compilers;
  private final boolean ownsCompilers;
  private final ScratchSpace scratch;

  /**
   * Creates a grader of the catalog's questions that runs tests with {@code runner} and works in
   * the system's temporary folder.
   */
  public Grader(Catalog catalog, SubmissionRunner runner, Clock clock) {
    this(catalog, runner, clock, ScratchSpace.systemTemp());
  }

  /**
   * Creates a grader of the catalog's questions that runs tests with {@code runner} and takes in
   * and compiles each submission in a new folder of {@code scratch}.
   */
  public Grader(Catalog catalog, SubmissionRunner runner, Clock clock, ScratchSpace scratch) {
    this(catalog, runner, clock, new CompilerPool(), true, scratch);
  }

  /**
   * Creates a grader that borrows a compiler from {@code compilers} to compile and vet each
   * submission, which the graders of one batch share (all of them of the same catalog).
   */
  public Grader(
      Catalog catalog,
      SubmissionRunner runner,
      Clock clock,
      CompilerPool compilers,
      ScratchSpace scratch) {
    this(catalog, runner, clock, compilers, false, scratch);
  }

  private Grader(
      Catalog catalog,
      SubmissionRunner runner,
      Clock clock,
      CompilerPool compilers,
      boolean ownsCompilers,
      ScratchSpace scratch) {
    this.catalog = catalog;
    this.runner = runner;
    this.clock = clock;
    this.scratch = scratch;
    this.classes = Grader.class.getClassLoader();
    this.requests = new RunRequests(catalog);
    this.compilers = compilers;
    this.ownsCompilers = ownsCompilers;
  }

  /** Returns the catalog this grader grades against. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Grades one submission: takes it in (a folder or a zip, copied into a sandbox), compiles it,
   * vets the compiled classes, and runs the hidden tests of every question that compiled and
   * passed the vetting through the runner.
   *
   * @throws SubmissionUnusableException if there is nothing to grade: a missing folder, a zip the
   *     intake refuses, no Java source, classes the grader's class path does not hold
   */
  public GradingResult grade(SubmissionSource source, RunSettings settings)
      throws SubmissionUnusableException {
    Instant start = clock.instant();
    Path work = null;
    try {
      List<Path> roots;
      Prepared prepared;
      List<String> warnings = new ArrayList<>();
      if (source instanceof SubmissionSource.Workspace workspace) {
        work = scratch.newFolder("awskit-grade-");
        Path sources =
            SubmissionSources.takeIn(workspace.sources(), "student workspace", work, warnings);
        runner.prepare(requests.rehearsal(settings));
        prepared = compileAndVet(sources, work, settings);
        roots = List.of(classesOf(work));
      } else if (source instanceof SubmissionSource.SourceFolder folder) {
        work = scratch.newFolder("awskit-grade-");
        String what = Files.isDirectory(folder.folder()) ? "submission folder" : "submission";
        Path sources = SubmissionSources.takeIn(folder.folder(), what, work, warnings);
        runner.prepare(requests.rehearsal(settings));
        prepared = compileAndVet(sources, work, settings);
        roots = List.of(classesOf(work));
      } else if (source instanceof SubmissionSource.Reference) {
        runner.prepare(requests.rehearsal(settings));
        prepared = Prepared.NOTHING;
        roots = List.of(referenceRoot());
      } else {
        runner.prepare(requests.rehearsal(settings));
        prepared = Prepared.NOTHING;
        roots = List.of(stubsRoot());
      }
      Compilation compilation = prepared.compilation();
      List<VettingProblem> vettingProblems = prepared.vettingProblems();
      Map<String, TestResult> results =
          run(roots, compilation.problems(), vettingProblems, settings);
      return new GradingResult(
          source.describe(),
          start.truncatedTo(ChronoUnit.SECONDS),
          Duration.between(start, clock.instant()),
          compilation.compiled(),
          compilation.skipped(),
          compilation.problems(),
          results,
          warnings,
          vettingProblems,
          runner.isolation());
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    } finally {
      deleteQuietly(work);
    }
  }

  private static Path classesOf(Path scratch) {
    return scratch.resolve("classes");
  }

  /**
   * Compiles the sources taken in into {@code scratch/classes} and vets what compiled, with a
   * compiler of the pool borrowed throughout: the graders of a batch then prepare no more
   * submissions at once than the pool lends compilers, so that in the batch's first seconds the
   * first submission is compiled and vetted without the next one sharing the processors with it,
   * and reaches a worker sooner.
   */
  private Prepared compileAndVet(Path sources, Path scratch, RunSettings settings)
      throws IOException {
    Path classes = Files.createDirectories(classesOf(scratch));
    SourceCompiler compiler = compilers.borrow(this::newCompiler);
    try {
      Compilation compilation =
          compiler.compile(sources, SubmissionSources.javaSources(sources), classes);
      return new Prepared(
          compilation,
          settings.staticVetting() && compilation.compiled() > 0
              ? vet(classes, compilation)
              : List.of());
    } finally {
      compilers.giveBack(compiler);
    }
  }

  /** Holds what compiling and vetting a submission found. */
  private record Prepared(Compilation compilation, List<VettingProblem> vettingProblems) {

    /** Stands for classes the grader already holds: nothing compiled, nothing to vet. */
    static final Prepared NOTHING = new Prepared(Compilation.none(), List.of());
  }

  /**
   * Checks the compiled classes against the vetting rules and attributes each violation to the
   * questions whose implementation uses the code; the others are warnings.
   */
  private List<VettingProblem> vet(Path classes, Compilation compilation) {
    VettingReport report = vetting.vet(classes);
    if (report.passed()) {
      return List.of();
    }
    Map<Integer, List<String>> implementations = new LinkedHashMap<>();
    for (Question question : catalog.questions()) {
      implementations.put(
          question.number(),
          compilation.typesByQuestion().getOrDefault(question.number(), List.of()));
    }
    Attribution<Integer> attribution = report.attribute(implementations);
    List<VettingProblem> problems = new ArrayList<>();
    attribution
        .byQuestion()
        .forEach(
            (question, violations) ->
                violations.forEach(violation -> problems.add(problem(question, violation))));
    attribution.unattributed().forEach(violation -> problems.add(problem(null, violation)));
    return problems;
  }

  private static VettingProblem problem(Integer question, Violation violation) {
    return new VettingProblem(
        question,
        violation.className(),
        violation.method(),
        violation.line(),
        violation.sourceFile(),
        violation.ruleId(),
        violation.message());
  }

  private Map<String, TestResult> run(
      List<Path> roots,
      List<CompileProblem> problems,
      List<VettingProblem> vettingProblems,
      RunSettings settings) {
    Set<Integer> notCompiled =
        problems.stream()
            .map(CompileProblem::question)
            .filter(question -> question != null)
            .collect(Collectors.toSet());
    Set<Integer> refused =
        vettingProblems.stream()
            .map(VettingProblem::question)
            .filter(question -> question != null)
            .collect(Collectors.toSet());
    Set<Integer> notRun = new HashSet<>(notCompiled);
    notRun.addAll(refused);
    Map<String, TestResult> results = new HashMap<>();
    Map<String, String> printed = new HashMap<>();
    Set<String> started = new HashSet<>();
    RunRequest request = requests.forSubmission(roots, notRun, settings);
    runner.run(
        request,
        event -> {
          if (event instanceof TestEvent.TestFinished finished) {
            results.putIfAbsent(
                finished.testId(),
                new TestResult(
                    finished.testId(),
                    finished.outcome(),
                    finished.durationMillis(),
                    printed.getOrDefault(finished.testId(), "")));
          } else if (event instanceof TestEvent.TestPrinted output) {
            printed.put(output.testId(), printedText(output));
          } else {
            started.add(event.testId());
          }
        });
    Map<String, TestResult> complete = new HashMap<>();
    for (HiddenTest test : catalog.tests()) {
      TestResult result = results.get(test.id());
      if (notCompiled.contains(test.question())) {
        result = new TestResult(test.id(), notCompiledOutcome(problems, test.question()), 0);
      } else if (refused.contains(test.question())) {
        result = new TestResult(test.id(), refusedOutcome(vettingProblems, test.question()), 0);
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

  /** Formats what a test printed for the instructor: the kept text, and how much there was. */
  static String printedText(TestEvent.TestPrinted output) {
    return output.bytes() > output.text().getBytes(StandardCharsets.UTF_8).length
        ? output.text() + "\n[... the test printed " + output.bytes()
            + " bytes in all; only the beginning is kept]"
        : output.text();
  }

  private static TestOutcome refusedOutcome(List<VettingProblem> problems, int question) {
    List<VettingProblem> own =
        problems.stream()
            .filter(problem -> problem.question() != null && problem.question() == question)
            .toList();
    String more =
        own.size() == 1
            ? ""
            : " (The report lists " + (own.size() - 1) + " more such place"
                + (own.size() == 2 ? "" : "s") + ".)";
    String message =
        "The grader did not run your code for this question: it uses something the grader does"
            + " not allow. " + own.get(0).message() + more
            + " Remove that code; the tests run once it is gone.";
    String detail =
        own.stream()
            .map(problem -> "[" + problem.rule() + "] " + problem.message())
            .collect(Collectors.joining("\n"));
    return new TestOutcome.NotRun(Feedback.truncate(message, Feedback.MAX_FEEDBACK), detail);
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

  private SourceCompiler newCompiler() {
    return new SourceCompiler(catalog, compileClassPath(), classes, JavacThread.DEFAULT_TIME_LIMIT);
  }

  /**
   * Returns the class path submissions compile against: what a student's project compiles
   * against, and nothing else of the grader's (see {@link StudentClassPath}), with the roots of
   * the catalog's contracts, wherever they are.
   */
  private List<Path> compileClassPath() {
    Set<Path> classPath = new LinkedHashSet<>(StudentClassPath.select(GraderClassPath.entries()));
    for (Question question : catalog.questions()) {
      GraderClassPath.rootOf(question.contract().replace('.', '/') + ".class", classes)
          .ifPresent(classPath::add);
    }
    return List.copyOf(classPath);
  }

  private static void deleteQuietly(Path folder) {
    if (folder != null) {
      // A temporary folder left behind does no harm to the grade.
      ScratchSpace.delete(folder);
    }
  }

  @Override
  public void close() throws IOException {
    if (ownsCompilers) {
      compilers.close();
    }
  }
}
