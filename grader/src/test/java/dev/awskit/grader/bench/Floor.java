package dev.awskit.grader.bench;

import com.sun.tools.javac.api.JavacTaskPool;
import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.HiddenTestLauncher;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.TestEvent;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Measures the floors of the benchmark: the least work that a cold grade and a batch take, with
 * nothing of the grader around it, so that a target the floor itself misses is shown out of reach.
 *
 * <p>The floor of a cold grade ({@link #cold}) is that of a batch of one, in a new JVM: javac and
 * the hidden tests of one submission, cold, with nothing else. The JDK's {@code javac} alone on the
 * sources ({@link #javacAlone}) is printed beside it. The floor of a batch ({@link #batch}, this
 * class's {@code main}) is the least work that grading a batch takes: in one JVM, javac compiles
 * the submissions one after another on one thread, in a context it keeps as the grader does, while
 * the hidden tests of the compiled ones run on another, all of a submission's in one launch.
 * Nothing else is done: no copy of the submission, no vetting, no worker JVM, no isolation, no
 * reports. Its JVMs start from jars and map a class-data archive of their own, as the grader's do
 * ({@link #withClassData}).
 *
 * <p>Run from {@code grader/} with the test class path and {@code --add-exports
 * jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED}; arguments: the batch's folder (a folder per
 * student), a folder for the class files and, optionally, the one student to grade. Prints how
 * many submissions compiled and how many tests passed, and fails when none did, so that a floor
 * that measured nothing is never quoted.
 */
final class Floor {

  private static final Path LIBRARIES = Path.of("target", "lib");

  private final String classPath;
  private final Path archive;

  private Floor(String classPath, Path archive) {
    this.classPath = classPath;
    this.archive = archive;
  }

  /**
   * Returns the floor, its JVMs set up in {@code folder} as the grader's are: started from jars
   * alone and mapping a class-data archive of what they load, which a first, unmeasured run on
   * {@code student} of {@code submissions} makes. Without the archive the floor started slower than
   * the grader it bounds (about 8.3 s against 5.5 s for a batch of one, 2026-12-04).
   */
  static Floor withClassData(Path folder, Path submissions, String student)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Path jar = folder.resolve("floor.jar");
    String ownPackage = Floor.class.getPackageName().replace('.', '/') + "/";
    Path own =
        Path.of(Floor.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .resolve(ownPackage);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.list(own)) {
      for (Path file : files.filter(Floor::isOwnClass).toList()) {
        out.putNextEntry(new JarEntry(ownPackage + file.getFileName()));
        out.write(Files.readAllBytes(file));
      }
    }
    List<String> entries = new ArrayList<>(List.of(jar.toAbsolutePath().toString()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    Path archive = folder.resolve("floor.jsa");
    Floor floor = new Floor(String.join(File.pathSeparator, entries), archive);
    Process dump =
        new ProcessBuilder(
                floor.command(
                    List.of("-XX:ArchiveClassesAtExit=" + archive),
                    submissions,
                    folder.resolve("dump-classes"),
                    List.of(student)))
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("dump.log").toFile())
            .start();
    if (dump.waitFor() != 0 || !Files.isRegularFile(archive)) {
      throw new IllegalStateException(
          "The floor's class-data archive was not made:\n"
              + Files.readString(folder.resolve("dump.log")));
    }
    return floor;
  }

  private static boolean isOwnClass(Path file) {
    return file.getFileName().toString().matches("Floor(\\$.*)?\\.class");
  }

  /**
   * Returns the command that runs the JDK's {@code javac} on the Java sources of {@code submission}
   * against the grader's libraries, writing class files under {@code classes}. It is to run in
   * {@code grader/}.
   */
  static List<String> javacAlone(Path submission, Path classes) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.addAll(List.of("-proc:none", "-nowarn", "-d", classes.toAbsolutePath().toString(),
        "-cp", LIBRARIES.toAbsolutePath().resolve("*").toString()));
    javaFiles(submission).forEach(path -> command.add(path.toAbsolutePath().toString()));
    return command;
  }

  /**
   * Returns the command that runs the floor on the batch in {@code submissions}, writing class files
   * under {@code classes}.
   */
  List<String> batch(Path submissions, Path classes) {
    return command(List.of("-XX:SharedArchiveFile=" + archive), submissions, classes, List.of());
  }

  /**
   * Returns the command that runs the floor on {@code student} of the batch in {@code submissions}
   * alone, in a new JVM: what a cold grade cannot do without.
   */
  List<String> cold(Path submissions, String student, Path classes) {
    return command(
        List.of("-XX:SharedArchiveFile=" + archive), submissions, classes, List.of(student));
  }

  private List<String> command(
      List<String> classData, Path submissions, Path classes, List<String> only) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-exports",
        "jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1"));
    command.addAll(classData);
    command.addAll(List.of(
        "-cp",
        classPath,
        Floor.class.getName(),
        submissions.toAbsolutePath().toString(),
        classes.toAbsolutePath().toString()));
    command.addAll(only);
    return command;
  }

  public static void main(String[] args) throws Exception {
    Path batch = Path.of(args[0]);
    Path classes = Path.of(args[1]);
    Catalog catalog = Catalog.load();
    BlockingQueue<Optional<Path>> compiled = new LinkedBlockingQueue<>();
    AtomicInteger compiledCount = new AtomicInteger();
    Thread compiling =
        new Thread(
            () -> {
              try {
                compileAll(
                    students(batch).stream()
                        .filter(student -> args.length < 3 || student.endsWith(args[2]))
                        .toList(),
                    classes,
                    compiled,
                    compiledCount);
              } finally {
                compiled.add(Optional.empty());
              }
            },
            "floor-javac");
    compiling.start();
    HiddenTestLauncher.warmUp(
        catalog.questions().stream().flatMap(q -> q.constructorTypes().stream()).distinct().toList());
    List<String> testClasses =
        catalog.questions().stream()
            .map(Question::number)
            .flatMap(number -> catalog.testClasses(number).stream())
            .toList();
    AtomicInteger passed = new AtomicInteger();
    try (HiddenTestLauncher launcher = new HiddenTestLauncher(System::nanoTime)) {
      for (Optional<Path> next = compiled.take(); next.isPresent(); next = compiled.take()) {
        launcher.run(
            new RunRequest(List.of(next.get().toString()), testClasses, 5_000, Map.of(), List.of()),
            Set.of(),
            true,
            CancellationToken.disabled(),
            new TestExecutionListener() {},
            event -> {
              if (event instanceof TestEvent.TestFinished finished && finished.outcome().passed()) {
                passed.incrementAndGet();
              }
            });
      }
    }
    compiling.join();
    System.out.printf(
        Locale.ROOT, "%d submissions compiled, %d tests passed%n", compiledCount.get(), passed.get());
    if (compiledCount.get() == 0 || passed.get() == 0) {
      throw new IllegalStateException("The floor compiled or passed nothing: it measured nothing");
    }
  }

  private static List<Path> students(Path batch) {
    try (Stream<Path> list = Files.list(batch)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Compiles each student's sources into a folder of its own and queues the folders that compiled. */
  private static void compileAll(
      List<Path> students, Path classes, BlockingQueue<Optional<Path>> compiled, AtomicInteger count) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavacTaskPool contexts = new JavacTaskPool(1);
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, jars(LIBRARIES));
      for (Path student : students) {
        List<Path> sources = javaFiles(student);
        if (sources.isEmpty()) {
          continue;
        }
        Path output = Files.createDirectories(classes.resolve(student.getFileName().toString()));
        files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
        boolean ok =
            contexts.getTask(
                null,
                files,
                diagnostic -> {},
                List.of("-proc:none", "-nowarn"),
                null,
                files.getJavaFileObjectsFromPaths(sources),
                task -> task.call());
        if (ok) {
          count.incrementAndGet();
          compiled.add(Optional.of(output));
        }
      }
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
  }

  private static List<Path> jars(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static List<Path> javaFiles(Path student) {
    try (Stream<Path> walk = Files.walk(student)) {
      return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
