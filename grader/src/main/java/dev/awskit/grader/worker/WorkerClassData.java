package dev.awskit.grader.worker;

import dev.awskit.grader.engine.ScratchOwner;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Makes the class-data archive of the worker JVMs: the classes a worker loads to run the hidden
 * tests (JUnit, Mockito, the SDK), parsed and laid out once so that each worker maps them instead
 * of loading them again. The archive is kept in the worker's {@linkplain ClassPathStage stage},
 * stamped in its manifest, and checked with it before every use.
 *
 * <p>The list of classes to archive comes from a worker that graded the untouched stubs and the
 * reference solution (the kit's own code, never a submission). Only the classes of the built-in
 * loaders are on it, with the lambdas they define (the SDK's model classes have thousands, which a
 * worker would otherwise spin one by one) and the JDK's method-handle forms; lines of any other
 * shape are dropped. The archive is dumped by the grader's user on the staged jars, which are
 * checked already. The classes of the confining file system provider are left out: JDK 17 does
 * not start a worker whose default file system provider comes from an archive.
 */
public final class WorkerClassData {

  /** Matches a class-list line that names a class of a built-in loader and nothing else. */
  private static final Pattern PLAIN_CLASS = Pattern.compile("[A-Za-z0-9_$/]+( id: \\d+)?");

  /**
   * Matches a class-list line that names a lambda of a class of a built-in loader: its host class,
   * the interface method and the method it calls, in descriptors. The dump spins the lambda's class
   * ahead, so that a worker does not spin it again (the SDK's model classes alone have thousands).
   */
  private static final Pattern LAMBDA_PROXY =
      Pattern.compile("@lambda-proxy [A-Za-z0-9_$/]+( [A-Za-z0-9_$/;()\\[<>]+){8}");

  /** Matches a class-list line that names a method-handle form of the JDK's own to generate. */
  private static final Pattern FORM_INVOKER =
      Pattern.compile("@lambda-form-invoker \\[[A-Z_]+\\]( [A-Za-z0-9_$.;\\[]+)+");

  private static final List<String> LEFT_OUT =
      List.of("dev/awskit/grader/sandbox/", "dev/awskit/grader/hidden/q");

  private static final Duration DUMP_LIMIT = Duration.ofMinutes(3);

  private final ClassPathStage stage;
  private final List<String> classPath;
  private final boolean possible;

  WorkerClassData(ClassPathStage stage, List<String> classPath, boolean possible) {
    this.stage = stage;
    this.classPath = List.copyOf(classPath);
    this.possible = possible;
  }

  /** Returns the class data of this grader's workers, in the cache the confined levels use. */
  public static WorkerClassData forThisMachine() {
    Confinements machine = Confinements.forThisMachine();
    List<String> classPath = WorkerCommand.classPathEntries();
    boolean possible =
        StageCache.key(classPath).isPresent() && machine.cache().isPresent();
    return new WorkerClassData(machine.newStage(), classPath, possible);
  }

  /**
   * Tells whether the workers can have an archive here: only a stage kept in the grader's cache
   * can hold one, and there is none when the cache folder is one that others may write.
   */
  public boolean possible() {
    return possible && stage.of(classPath).kept();
  }

  /** Returns the archive the workers map, once it is made and passes its check. */
  public Optional<Path> archive() {
    return possible ? stage.of(classPath).archive() : Optional.empty();
  }

  /**
   * Returns the archive the workers map, making it first when there is none: {@code recording}
   * grades the kit's own code with a runner whose workers note the classes they load, and the
   * archive is dumped from that list. Graders on one machine make it once: one that finds another
   * making it waits, then uses what the other made.
   *
   * @throws IOException when the recording or the dump fails
   */
  public Path archiveMadeOnce(Recording recording) throws IOException {
    Path lockFile = stage.of(classPath).folder().resolveSibling("archive.lock");
    // The file lock keeps other graders out; the monitor keeps this JVM's other threads out, as a
    // JVM may hold one lock on a file at a time.
    synchronized (WorkerClassData.class) {
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        Optional<Path> made = archive();
        if (made.isPresent()) {
          return made.get();
        }
        Path classList = newClassList();
        try (WorkerRunner runner =
            recordingRunner(WorkerSettings.defaults().withMaxWorkers(1), classList)) {
          recording.gradeWith(runner);
        } catch (IOException | RuntimeException failed) {
          Files.deleteIfExists(classList);
          throw failed;
        }
        return make(classList);
      }
    }
  }

  /** Grades the kit's own code to record the classes a worker loads. */
  @FunctionalInterface
  public interface Recording {

    /**
     * Grades the stubs and the reference solution with {@code runner}, which runs as the grader's
     * own user and so must be given nothing but the kit's own code.
     */
    void gradeWith(WorkerRunner runner) throws IOException;
  }

  /** Returns a runner whose workers write the classes they load to {@code classList}. */
  private WorkerRunner recordingRunner(WorkerSettings settings, Path classList) {
    return WorkerRunner.trusted(settings, List.of("-XX:DumpLoadedClassList=" + classList));
  }

  /** Returns a file name in the cache for a class list to be recorded and then deleted. */
  private Path newClassList() {
    return stage.of(classPath).folder().resolveSibling("classes-" + UUID.randomUUID() + ".lst");
  }

  /**
   * Dumps the archive of the classes {@code classList} names and puts it in the stage, then
   * deletes the list.
   *
   * @throws IOException when the dump fails, with the JVM's own words
   */
  Path make(Path classList) throws IOException {
    ClassPathStage.Staged staged = stage.of(classPath);
    Path kept = staged.folder().resolveSibling("classes-" + UUID.randomUUID() + ".kept.lst");
    Path dumped = staged.folder().resolveSibling("worker-" + UUID.randomUUID() + ".jsa");
    try {
      Files.write(kept, archivableLines(classList), StandardCharsets.UTF_8);
      dump(kept, dumped, staged.classPath());
      Files.setPosixFilePermissions(dumped, PosixFilePermissions.fromString("rw-r--r--"));
      Path archive = stage.addArchive(dumped);
      return archive;
    } finally {
      Files.deleteIfExists(classList);
      Files.deleteIfExists(kept);
      Files.deleteIfExists(dumped);
    }
  }

  /**
   * Returns the lines of {@code classList} that name a class, a lambda or a method-handle form the
   * archive may hold.
   */
  static List<String> archivableLines(Path classList) throws IOException {
    List<String> kept = new ArrayList<>();
    for (String line : Files.readAllLines(classList, StandardCharsets.UTF_8)) {
      boolean leftOut = LEFT_OUT.stream().anyMatch(line::contains);
      boolean archivable =
          PLAIN_CLASS.matcher(line).matches()
              || LAMBDA_PROXY.matcher(line).matches()
              || FORM_INVOKER.matcher(line).matches();
      if (archivable && !leftOut) {
        kept.add(line);
      }
    }
    return kept;
  }

  private static String tail(Path log) throws IOException {
    TextTail tail = new TextTail(2000);
    tail.append(Files.readString(log, StandardCharsets.UTF_8));
    return tail.toString();
  }

  private static void dump(Path classList, Path archive, List<String> classPath)
      throws IOException {
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            launcher,
            "-Xshare:dump",
            "-XX:+UseSerialGC",
            "-XX:SharedClassListFile=" + classList,
            "-XX:SharedArchiveFile=" + archive,
            "-cp",
            String.join(File.pathSeparator, classPath));
    Path log = Files.createTempFile(ScratchOwner.prefix("awskit-cds-"), ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(DUMP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "The class-data dump did not end within " + DUMP_LIMIT.toMinutes() + " minutes");
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(archive)) {
        throw new IOException(
            "The class-data dump failed (exit code " + process.exitValue() + "): "
                + tail(log));
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while dumping the class data", interrupted);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
