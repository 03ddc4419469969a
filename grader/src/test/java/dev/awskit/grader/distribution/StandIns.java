package dev.awskit.grader.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Makes the stand-ins that the Gradescope bundle's tests build and run the bundle with. */
final class StandIns {

  /** Names the stand-in library that holds the reference solution, as Maven names the real one. */
  static final String SOLUTIONS_JAR = "lib/solutions-1.0.0-SNAPSHOT.jar";

  private StandIns() {}

  /**
   * Builds a grader folder like {@code grader/target}: a runnable grader jar whose manifest names
   * picocli, the reference solution and the exercises, each a jar of one class in {@code lib/}.
   */
  static Path graderFolder(Path parent) throws IOException {
    Path folder = Files.createDirectories(parent.resolve("target"));
    Files.createDirectories(folder.resolve("lib"));
    jar(folder.resolve("lib/picocli.jar"), null, "picocli/CommandLine.class");
    jar(folder.resolve(SOLUTIONS_JAR), null, "dev/awskit/solutions/q01/ClientStylesExplainer.class");
    jar(folder.resolve("lib/exercises.jar"), null, "dev/awskit/exercises/q01/ClientStyles.class");
    jar(
        folder.resolve(GradescopeBundle.GRADER_JAR),
        "lib/picocli.jar " + SOLUTIONS_JAR + " lib/exercises.jar",
        "dev/awskit/grader/cli/Main.class");
    return folder;
  }

  /** Writes a jar of one empty entry; with a class path, a runnable one. */
  static void jar(Path file, String classPath, String entry) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.awskit.grader.cli.Main");
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.putNextEntry(new JarEntry(entry));
    }
  }

  /** Writes an executable script. */
  static void script(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Tells how a command ended and what it printed (standard output and error together). */
  record Run(int exitCode, String log) {}

  /** Runs a command in a folder with extra environment variables, for at most 60 s. */
  static Run run(List<String> command, Path directory, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(directory, "run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 60 s");
    }
    String output = Files.readString(log);
    Files.delete(log);
    return new Run(process.exitValue(), output);
  }
}
