package dev.awskit.grader.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes the class-data archive of the grader's own JVM: a static CDS archive beside the grader's
 * jar ({@code awskit-grader.jsa}) of the classes a batch of two students loads (the catalog's
 * index, picocli, javac, ArchUnit, Jackson, the reports, the gradebook, the similarity check, the
 * class report's charts, and the JDK's own classes among them), which a JVM started with {@code
 * -XX:SharedArchiveFile=} maps instead of loading, linking and verifying them again. A batch loads
 * nearly all that a {@code grade} loads, and a grade's archive left out about 1,300 classes of a
 * batch's. The archive is static, made from the batch's class list, because picocli is compiled
 * for Java 5 and JDK 17's dynamic archives leave such classes out: every grader JVM then verified
 * its 177 classes anew (docs/performance/not-done.md, "picocli in the grader's archive").
 *
 * <p>The archive lies beside the jar, so it has the jar's owner and the jar's trust: whoever may
 * write it may write the jar. No worker sees it: the {@code os} level binds only the staged class
 * path into the sandbox, and the {@code uid} level's user cannot write the grader's files. The JVM
 * itself refuses an archive made for another JDK or another jar (it compares the class path's
 * files, their sizes and times, and the archive's header); {@code prepare} makes it again when a
 * JVM cannot map it, and a JVM given a missing or refused archive starts without one.
 */
final class GraderArchive {

  private static final long TIME_LIMIT_SECONDS = 300;

  private final Path jar;
  private final Path java;

  GraderArchive(Path jar, Path java) {
    this.jar = jar;
    this.java = java;
  }

  /** Returns the archive maker of the running grader, or empty when it does not run from a jar. */
  static Optional<GraderArchive> forThisGrader() {
    try {
      Path location =
          Path.of(GraderArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
        return Optional.empty();
      }
      return Optional.of(
          new GraderArchive(
              location.toAbsolutePath().normalize(),
              Path.of(System.getProperty("java.home"), "bin", "java")));
    } catch (URISyntaxException | RuntimeException unknown) {
      return Optional.empty();
    }
  }

  /** Returns where the archive is: beside the jar, named after it. */
  Path file() {
    String name = jar.getFileName().toString();
    return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
  }

  /** Returns the option that makes a JVM started on this jar map the archive. */
  String option() {
    return "-XX:SharedArchiveFile=" + file();
  }

  /** Returns whether a JVM started on the jar can map the archive (it exists and is not stale). */
  boolean usable(Path work) throws IOException {
    if (!Files.isRegularFile(file())) {
      return false;
    }
    List<String> check =
        List.of(java.toString(), "-Xshare:on", option(), "-jar", jar.toString(), "--version");
    return run(check, work.resolve("check.log")) == 0;
  }

  /**
   * Makes the archive: grades a batch of two small submissions written into {@code work} in a JVM
   * that lists the classes it loads, dumps the classes of that list, then puts the archive in place
   * with the jar's own read and write permissions.
   *
   * @throws IOException when the batch or the dump fails or leaves nothing; what it printed is in
   *     the message
   */
  Path make(Path work) throws IOException {
    Path students = work.resolve("class");
    for (String student : List.of("ada", "bo")) {
      Path source = students.resolve(student).resolve("dev/awskit/exercises/q01/Warming.java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, WARMING_SOURCE);
    }
    Path made = file().resolveSibling("." + file().getFileName() + ".new");
    Files.deleteIfExists(made);
    Path classList = work.resolve("grader.classlist");
    runGrader(
        "the batch that lists the grader's classes",
        List.of("-XX:DumpLoadedClassList=" + classList, "-jar", jar.toString(), "batch",
            students.toString(), "-o", work.resolve("reports").toString(), "--progress", "none"),
        classList,
        work.resolve("batch.log"));
    try {
      // The class path a JVM started with -jar has: the jar and the jars its manifest names.
      runGrader(
          "dumping the grader's classes",
          List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
              "-XX:SharedArchiveFile=" + made, "-cp", jar.toString()),
          made,
          work.resolve("dump.log"));
    } catch (IOException failed) {
      Files.deleteIfExists(made);
      throw failed;
    }
    try {
      // The batch ran the hidden tests in this JVM, so the archive holds them as the jar does: no
      // one may read it who may not read the jar.
      Files.setPosixFilePermissions(made, readAndWriteOf(jar));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file has its folder's access rules, as the jar beside it has.
    }
    return Files.move(
        made, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Returns the read and write permissions of {@code file}, without its execute ones. */
  static Set<PosixFilePermission> readAndWriteOf(Path file) throws IOException {
    Set<PosixFilePermission> kept = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : Files.getPosixFilePermissions(file)) {
      if (!permission.name().endsWith("_EXECUTE")) {
        kept.add(permission);
      }
    }
    return kept;
  }

  /**
   * Runs a JVM with the recommended options and {@code options}, its output into {@code log}.
   *
   * @throws IOException when it fails or leaves no {@code produces}; what it printed is in the
   *     message
   */
  private void runGrader(String what, List<String> options, Path produces, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(GraderCli.RECOMMENDED_JVM_OPTIONS);
    command.addAll(options);
    int exit = run(command, log);
    if (exit != 0 || !Files.isRegularFile(produces)) {
      throw new IOException(
          what + " ended with exit code " + exit + ":\n" + Files.readString(log).strip());
    }
  }

  private static int run(List<String> command, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** A submission of no question that makes a grade load javac's, the vetting's and the reports' classes. */
  private static final String WARMING_SOURCE =
      """
      package dev.awskit.exercises.q01;

      import java.util.List;
      import java.util.Map;
      import java.util.stream.Collectors;
      import software.amazon.awssdk.services.s3.S3Client;
      import software.amazon.awssdk.services.s3.model.ListBucketsRequest;

      /** Warms the grader up for its class-data archive; it answers no question. */
      final class Warming {

        private record Sized(String name, int size) {}

        static Map<String, Integer> sizes(S3Client s3, List<String> names) {
          s3.listBuckets(ListBucketsRequest.builder().build());
          return names.stream()
              .map(name -> new Sized(name, name.length()))
              .collect(Collectors.toMap(Sized::name, Sized::size));
        }
      }
      """;
}
