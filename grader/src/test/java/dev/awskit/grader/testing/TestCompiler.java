package dev.awskit.grader.testing;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources for the grader's own tests, against the test class path. */
public final class TestCompiler {

  private TestCompiler() {}

  /** Compiles every {@code .java} file under {@code sources} into {@code classes}. */
  public static Path compile(Path sources, Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
            javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        Stream<Path> walk = Files.walk(sources)) {
      List<File> java =
          walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
      StringWriter errors = new StringWriter();
      boolean ok =
          javac
              .getTask(
                  errors,
                  files,
                  null,
                  List.of(
                      "-d", classes.toString(),
                      "-proc:none",
                      "--release", "17",
                      "-classpath", System.getProperty("java.class.path")),
                  null,
                  files.getJavaFileObjectsFromFiles(java))
              .call();
      if (!ok) {
        throw new IllegalStateException("Compilation failed:\n" + errors);
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
