package dev.awskit.grader.engine;

import static dev.awskit.grader.engine.SourcePaths.clean;
import static dev.awskit.grader.engine.SourcePaths.relative;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DiagnosticListener;
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
 * compile, they are dropped and the rest compiled again, until what is left compiles. javac runs
 * on a thread of its own with a time limit (see {@link JavacThread}): when it fails as a whole on
 * a file (out of stack, out of memory, out of time, an internal error), that file is dropped the
 * same way. javac compiles against the contracts without the grader's stubs ({@link
 * ContractsClassPath}), on a context kept from the last compile where it can ({@link
 * JavacContexts}). Not safe for use by several threads at once.
 */
final class SourceCompiler implements AutoCloseable {

  private static final List<String> OPTIONS = JavacOptions.forJdk(Runtime.version().feature());

  /**
   * Names how many submissions one file manager compiles before a new one replaces it. javac's
   * file manager notes every source it reads in a log of its own that nothing empties
   * ({@code PathFileObject.getCharContent} calls {@code Log.useSource}): a batch of 500 held 2,300
   * entries 200 students in. A new file manager brings a new javac context, whose first compile
   * reads the SDK's class files again: a few hundred milliseconds every this many submissions.
   */
  static final int COMPILES_PER_FILE_MANAGER = 100;

  private final Catalog catalog;
  private final FilePlacement placement;
  private final int compilesPerFileManager;
  private final List<Path> classPath;
  private final JavaCompiler javac;
  private final JavacThread thread;
  private ContractsClassPath files;
  private JavacContexts contexts;
  private KeptPackages packages;
  private int compilesLeft;
  private int fileManagersMade;
  private final AtomicInteger contextsDropped = new AtomicInteger();

  /**
   * Creates a compiler against {@code classPath} that gives javac {@code timeLimit} for each of
   * its tasks.
   */
  SourceCompiler(Catalog catalog, List<Path> classPath, ClassLoader grader, Duration timeLimit) {
    this(catalog, classPath, grader, timeLimit, COMPILES_PER_FILE_MANAGER);
  }

  /** Creates a compiler that replaces its file manager every {@code compilesPerFileManager}. */
  SourceCompiler(
      Catalog catalog,
      List<Path> classPath,
      ClassLoader grader,
      Duration timeLimit,
      int compilesPerFileManager) {
    this.catalog = catalog;
    this.compilesPerFileManager = compilesPerFileManager;
    this.placement = new FilePlacement(catalog, grader);
    this.classPath = List.copyOf(classPath);
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "The grader compiles submissions and needs a JDK (with javac), not only a Java runtime;"
              + " run it with a JDK 17 or newer.");
    }
    this.thread = new JavacThread(timeLimit, JavacThread.GRACE);
    newFileManager();
  }

  /**
   * Starts a new file manager, and with it new javac contexts: a kept context goes on using the
   * file manager it was made with.
   */
  private void newFileManager() {
    StandardJavaFileManager manager =
        javac.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8);
    try {
      manager.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      manager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
    } catch (IOException unusable) {
      throw new UncheckedIOException(unusable);
    }
    files = new ContractsClassPath(manager, catalog.implementationClassNames());
    contexts = JavacContexts.open(javac, OPTIONS);
    packages = new KeptPackages();
    compilesLeft = compilesPerFileManager;
    fileManagersMade++;
  }

  /** Closes the file manager, which an abandoned javac may still hold, and starts a new one. */
  private void replaceFileManager() {
    try {
      files.close();
    } catch (IOException | RuntimeException unclosable) {
      // An abandoned javac may hold it still; the new one is all that matters.
    }
    newFileManager();
  }

  /** Returns how many times a javac context was dropped, or not kept, after or before a task. */
  int contextsDropped() {
    return contextsDropped.get();
  }

  /** Returns how many file managers this compiler has made, the first included. */
  int fileManagersMade() {
    return fileManagersMade;
  }

  /**
   * Compiles {@code sourceFiles} into {@code output}.
   *
   * @param folder the submission's folder, against which file names are reported
   * @param sourceFiles the {@code .java} files to compile
   * @param output an empty directory for the classes
   */
  Compilation compile(Path folder, List<Path> sourceFiles, Path output) {
    try {
      return compileAll(folder, sourceFiles, output);
    } finally {
      // javac's file manager keeps each source it read, and the entry outlives the compile: in a
      // batch the grader's heap grew with the class until flushed.
      files.forgetSources();
      if (--compilesLeft <= 0) {
        replaceFileManager();
      }
    }
  }

  private Compilation compileAll(Path folder, List<Path> sourceFiles, Path output) {
    Path base = folder.toAbsolutePath().normalize();
    List<Path> sources =
        sourceFiles.stream().map(file -> file.toAbsolutePath().normalize()).toList();
    List<SkippedFile> skipped = new ArrayList<>();
    List<CompileProblem> problems = new ArrayList<>();
    Map<Path, ParsedFile> parsed = new LinkedHashMap<>();
    Map<Path, List<String>> unparsed = parse(base, sources, parsed);
    List<Path> remaining = new ArrayList<>();
    for (Path source : sources) {
      if (unparsed.containsKey(source)) {
        problems.add(
            new CompileProblem(
                relative(base, source),
                placement.questionOfUnparsed(base, source).orElse(null),
                unparsed.get(source)));
        continue;
      }
      ParsedFile file = parsed.get(source);
      Optional<String> reason = placement.reasonToSkip(source, file);
      if (reason.isPresent()) {
        skipped.add(new SkippedFile(relative(base, source), reason.get()));
      } else {
        remaining.add(source);
      }
    }
    // What earlier sources left in a kept context, or what these sources would leave there, could
    // make them compile otherwise than on a new context: such files compile on a new context,
    // which is then not kept. The sources' own declarations tell, whether or not they compile.
    boolean contextSafe =
        packages.admit(remaining.stream().map(parsed::get).toList(), files);
    if (!contextSafe) {
      contexts.drop();
      packages.clear();
      contextsDropped.incrementAndGet();
    }
    while (!remaining.isEmpty()) {
      List<ParsedFile> round = remaining.stream().map(parsed::get).toList();
      Map<Path, List<String>> errors = compileOnce(base, remaining, round, output, contextSafe);
      if (errors.isEmpty()) {
        break;
      }
      errors.forEach(
          (source, messages) -> {
            problems.add(
                new CompileProblem(
                    relative(base, source),
                    placement.questionOf(parsed.get(source)).orElse(null),
                    messages));
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
      placement.questionOf(file)
          .ifPresent(
              question ->
                  file.typeNames()
                      .forEach(
                          name ->
                              typesByQuestion.computeIfAbsent(question, key -> new ArrayList<>()).add(name)));
    }
    return new Compilation(remaining.size(), skipped, problems, typesByQuestion);
  }

  private Map<Path, List<String>> compileOnce(
      Path base, List<Path> sources, List<ParsedFile> parsed, Path output, boolean contextSafe) {
    clean(output);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try {
      files.standard().setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
    } catch (IOException unusable) {
      throw new UncheckedIOException(unusable);
    }
    ContractsClassPath shown = files;
    KeptPackages tracked = packages;
    JavacThread.Ending<Boolean> ending =
        onJavacThread(
            sources,
            diagnostics,
            task -> call(task, diagnostics),
            // A context is kept after errors too, as JShell keeps its own: a failed task's classes
            // leave it as a compiled task's do.
            compiled -> {
              boolean keep = contextSafe && (!compiled || !shown.holdsAnyClassIn(output));
              if (keep) {
                tracked.kept(parsed, shown);
              } else {
                tracked.clear();
                contextsDropped.incrementAndGet();
              }
              return keep;
            });
    if (ending instanceof JavacThread.Ending.Failed<Boolean> failed) {
      return charge(failed.failure(), base, sources);
    }
    boolean compiled = ((JavacThread.Ending.Done<Boolean>) ending).value();
    return CompileErrors.byFile(diagnostics.getDiagnostics(), sources, base, compiled);
  }

  /**
   * Returns the messages for the files a failure of javac is charged to: the file it was working
   * on, or every file of the task when it had not started on one of them. Starts a new file
   * manager, since javac may have left the old one in any state, or still be using it.
   */
  private Map<Path, List<String>> charge(CompilerFailure failure, Path base, List<Path> sources) {
    replaceFileManager();
    Map<Path, List<String>> charged = new LinkedHashMap<>();
    Path culprit = failure.kind() == CompilerFailure.Kind.TIME ? failure.file() : culprit(failure, sources);
    if (culprit != null && sources.contains(culprit)) {
      charged.put(culprit, List.of(failure.message(relative(base, culprit), thread.timeLimit())));
      return charged;
    }
    String shown =
        "one of the " + sources.size() + " files compiled together (the grader cannot tell"
            + " which, so the questions of all of them are charged)";
    for (Path source : sources) {
      charged.put(source, List.of(failure.message(shown, thread.timeLimit())));
    }
    return charged;
  }

  /**
   * Finds the source that makes javac fail on its own: javac does some of its work on a class
   * (lowering, constant folding) while it announces another, so the source it last announced is
   * only the first one tried. Each is compiled alone, into a folder that is thrown away; errors
   * from the sources it cannot see do not count, only a failure of javac itself. Returns null when
   * none fails alone.
   */
  private Path culprit(CompilerFailure failure, List<Path> sources) {
    List<Path> order = new ArrayList<>();
    if (failure.file() != null && sources.contains(failure.file())) {
      order.add(failure.file());
    }
    sources.stream().filter(source -> !order.contains(source)).forEach(order::add);
    for (Path source : order) {
      if (failsAlone(source)) {
        return source;
      }
    }
    return null;
  }

  private boolean failsAlone(Path source) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(ScratchOwner.prefix("awskit-javac-alone-"));
      files.standard().setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(scratch));
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      JavacThread.Ending<Boolean> ending =
          onJavacThread(
              List.of(source), diagnostics, task -> call(task, diagnostics), compiled -> false);
      if (ending instanceof JavacThread.Ending.Failed<Boolean>) {
        newFileManager();
        return true;
      }
      return false;
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    } finally {
      if (scratch != null) {
        clean(scratch);
        try {
          Files.deleteIfExists(scratch);
        } catch (IOException leftOver) {
          // An empty folder in the temporary folder; it affects no grade.
        }
      }
    }
  }

  /**
   * Runs the task; javac catches a stack overflow or running out of memory itself and ends
   * without an error message, which is told apart from failing on errors in the code here.
   */
  private static boolean call(JavacTask task, DiagnosticCollector<JavaFileObject> diagnostics) {
    boolean called = task.call();
    if (!called
        && diagnostics.getDiagnostics().stream()
            .noneMatch(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)) {
      throw new JavacThread.EndedAbnormally();
    }
    return called;
  }

  /**
   * Runs {@code work} on a task for {@code sources} on javac's thread, and keeps the task's
   * context for the next one when {@code keep} accepts what the work gave.
   */
  private <T> JavacThread.Ending<T> onJavacThread(
      List<Path> sources,
      DiagnosticListener<? super JavaFileObject> diagnostics,
      Function<JavacTask, T> work,
      Predicate<T> keep) {
    // A javac abandoned past its time limit goes on with these, not with their replacements.
    ContractsClassPath shown = files;
    JavacContexts kept = contexts;
    Iterable<? extends JavaFileObject> units = shown.standard().getJavaFileObjectsFromPaths(sources);
    return thread.run((log, watch) -> kept.run(log, shown, diagnostics, units, watch, work, keep));
  }

  /**
   * Parses {@code sources} into {@code parsed}, leaving out the files javac fails on as a whole,
   * and returns the messages of those.
   */
  private Map<Path, List<String>> parse(
      Path base, List<Path> sources, Map<Path, ParsedFile> parsed) {
    Map<Path, List<String>> unparsed = new LinkedHashMap<>();
    List<Path> left = new ArrayList<>(sources);
    while (!left.isEmpty()) {
      List<Path> parsing = List.copyOf(left);
      JavacThread.Ending<Map<Path, ParsedFile>> ending =
          onJavacThread(
              parsing, new DiagnosticCollector<>(), ParsedFile::allOf, parsedFiles -> true);
      if (ending instanceof JavacThread.Ending.Done<Map<Path, ParsedFile>> done) {
        parsed.putAll(done.value());
        break;
      }
      Map<Path, List<String>> charged =
          charge(((JavacThread.Ending.Failed<?>) ending).failure(), base, parsing);
      unparsed.putAll(charged);
      left.removeAll(charged.keySet());
    }
    return unparsed;
  }

  @Override
  public void close() throws IOException {
    files.close();
  }
}
