package dev.awskit.grader.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.awskit.grader.hidden.SubmissionExtension;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the hidden tests of one question against compiled classes, for the grader's own tests
 * while the questions are written. It is a test fixture, not the grading engine.
 */
public final class HiddenTestRunner {

  /** Describes the outcome of one hidden test. */
  public record Outcome(String name, boolean passed, String message) {}

  private HiddenTestRunner() {}

  /** Runs the hidden tests of {@code question} against the classes under {@code roots}. */
  public static List<Outcome> run(int question, Path... roots) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage(String.format("dev.awskit.grader.hidden.q%02d", question)))
            .configurationParameter(
                SubmissionExtension.CLASSPATH_PARAMETER,
                Stream.of(roots).map(Path::toString).collect(Collectors.joining(File.pathSeparator)))
            .configurationParameter("junit.jupiter.execution.timeout.default", "5 s")
            .configurationParameter(
                "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
            .build();
    List<Outcome> outcomes = new ArrayList<>();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                  outcomes.add(
                      new Outcome(
                          test.getDisplayName(),
                          result.getStatus() == TestExecutionResult.Status.SUCCESSFUL,
                          result.getThrowable().map(Throwable::getMessage).orElse("")));
                }
              }
            });
    return outcomes;
  }

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
