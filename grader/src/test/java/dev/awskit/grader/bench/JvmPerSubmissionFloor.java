package dev.awskit.grader.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures the least that a JVM of its own per submission costs a batch: for each compiled
 * submission, a new JVM that runs its code and nothing else ({@link DefendantStandIn}: each contract
 * method called once, with proxied clients), as many at once as there are processors, started from
 * jars and mapping a class-data archive of what such a JVM loads. No test, no judge, no sandbox,
 * no call crosses between JVMs: a defendant JVM does all of this and more. Safe grading gives each
 * submission a JVM of its own (a JVM that served one student could keep state into the next one's
 * grade), so a safe batch takes at least this and the batch's own floor ({@link Floor}) on the same
 * processors.
 *
 * <p>{@link Benchmark} runs it as row 9. To run it alone from {@code grader/} after {@code
 * benchmark/run}, which leaves the batch compiled by its floor in {@code target/benchmark/floor-1}:
 *
 * <pre>
 * java -cp "target/test-classes:target/awskit-grader.jar:target/lib/*" \
 *   dev.awskit.grader.bench.JvmPerSubmissionFloor target/benchmark/floor-1 target/standin 3
 * </pre>
 */
final class JvmPerSubmissionFloor {

  /** Matches the libraries a defendant has no use for: test frameworks, the class view's. */
  private static final Pattern NOT_IN_A_DEFENDANT =
      Pattern.compile(
          "archunit|assertj|byte-buddy|mockito|junit|opentest4j|apiguardian|objenesis|jplag"
              + "|antlr|xchart|VectorGraphics|commons-math");

  private final List<String> launcher;
  private final String classPath;

  private JvmPerSubmissionFloor(List<String> launcher, String classPath) {
    this.launcher = List.copyOf(launcher);
    this.classPath = classPath;
  }

  /**
   * Returns the floor, set up in {@code folder}: a jar of the stand-in, the grader's libraries
   * that a defendant needs (from {@code libraries}), and a class-data archive that an unmeasured
   * run on {@code sample} (a folder of compiled classes) makes.
   */
  static JvmPerSubmissionFloor withClassData(Path folder, Path libraries, Path sample)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Path standIn = folder.resolve("standin.jar");
    String entry = DefendantStandIn.class.getName().replace('.', '/') + ".class";
    Path compiled =
        Path.of(DefendantStandIn.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .resolve(entry);
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(standIn))) {
      jar.putNextEntry(new JarEntry(entry));
      jar.write(Files.readAllBytes(compiled));
    }
    List<String> entries = new ArrayList<>(List.of(standIn.toAbsolutePath().toString()));
    try (Stream<Path> list = Files.list(libraries)) {
      list.filter(path -> path.toString().endsWith(".jar"))
          .filter(path -> !NOT_IN_A_DEFENDANT.matcher(path.getFileName().toString()).find())
          .sorted()
          .forEach(path -> entries.add(path.toAbsolutePath().toString()));
    }
    String classPath = String.join(File.pathSeparator, entries);
    Files.writeString(folder.resolve("upload.txt"), "hello\n");
    Path archive = folder.resolve("standin.jsa");
    List<String> java =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");
    List<String> dumping = new ArrayList<>(java);
    dumping.add("-XX:ArchiveClassesAtExit=" + archive);
    JvmPerSubmissionFloor dump = new JvmPerSubmissionFloor(dumping, classPath);
    dump.runOn(sample, folder);
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("The stand-in's class-data archive was not made");
    }
    List<String> mapping = new ArrayList<>(java);
    mapping.add("-XX:SharedArchiveFile=" + archive);
    return new JvmPerSubmissionFloor(mapping, classPath);
  }

  /**
   * Runs the floor: arguments the folder of compiled submissions, a folder to set it up in and how
   * many runs (3); prints each run's wall time and the processor time of its JVMs.
   */
  public static void main(String[] args) throws Exception {
    List<Path> compiled = compiled(Path.of(args[0]));
    Path folder = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    JvmPerSubmissionFloor floor =
        withClassData(folder, Path.of("target", "lib"), compiled.get(0));
    for (int run = 1; run <= runs; run++) {
      long childrenBefore = childrenCpuNanos();
      Duration took = floor.run(compiled, folder);
      System.out.printf(
          Locale.ROOT,
          "%d JVMs, %d at once: %.2f s wall, %.2f s of processor time%n",
          compiled.size(),
          Runtime.getRuntime().availableProcessors(),
          took.toNanos() / 1e9,
          (childrenCpuNanos() - childrenBefore) / 1e9);
    }
  }

  /**
   * Returns the processor time of this JVM's ended child processes, from {@code /proc/self/stat}
   * (user and system, in clock ticks of 10 ms): the JVMs this floor started once they ended.
   */
  private static long childrenCpuNanos() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    // The fields after the command's closing parenthesis; cutime and cstime are the 16th and 17th.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
  }

  /**
   * Returns the folders of {@code floorClasses} (where {@link Floor} compiled the batch) that hold
   * class files, in name order: the submissions a grader would start a JVM for.
   */
  static List<Path> compiled(Path floorClasses) throws IOException {
    List<Path> compiled = new ArrayList<>();
    for (Path submission : LaunchCost.compiledSubmissions(floorClasses)) {
      try (Stream<Path> walk = Files.walk(submission)) {
        if (walk.anyMatch(path -> path.toString().endsWith(".class"))) {
          compiled.add(submission);
        }
      }
    }
    return compiled;
  }

  /**
   * Runs a JVM for each folder of compiled classes in {@code compiled}, as many at once as there
   * are processors, and returns how long they took together.
   *
   * @throws IllegalStateException when a JVM fails or there is no submission, so that a floor that
   *     measured nothing is never quoted
   */
  Duration run(List<Path> compiled, Path folder) throws Exception {
    if (compiled.isEmpty()) {
      throw new IllegalStateException("No compiled submission to start a JVM for");
    }
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    long start = System.nanoTime();
    try {
      List<Future<Void>> runs = new ArrayList<>();
      for (Path submission : compiled) {
        runs.add(pool.submit(() -> {
          runOn(submission, folder);
          return null;
        }));
      }
      for (Future<Void> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void runOn(Path submission, Path folder) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(
        List.of(
            "-cp",
            classPath + File.pathSeparator + submission.toAbsolutePath(),
            DefendantStandIn.class.getName(),
            submission.toAbsolutePath().toString(),
            folder.resolve("upload.txt").toAbsolutePath().toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "The stand-in JVM for " + submission + " exited with " + exit);
    }
  }
}
