package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.Question;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ILine;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.FileMultiReportOutput;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.html.HTMLFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, with JaCoCo, how much of the reference solution the hidden tests reach when they
 * grade it, and fails the build below {@value #MINIMUM_PERCENT} % branch coverage.
 *
 * <p>The reference's classes are instrumented here (JaCoCo's core API, with an in-process
 * runtime) and graded by the same run step as any submission; the coverage counts only what the
 * hidden tests execute, never the public tests. The HTML report lands in {@code
 * grader/target/reference-coverage/}, the number in {@code
 * grader/target/reference-coverage.txt}.
 */
class ReferenceCoverageTest {

  static final int MINIMUM_PERCENT = 95;

  private static final Path REPORT = Path.of("target", "reference-coverage");

  @Test
  void hiddenTestsReachAtLeast95PercentOfTheReferencesBranches(@TempDir Path work) throws Exception {
    Map<String, byte[]> originals = referenceClasses();
    assertThat(originals).isNotEmpty();

    LoggerRuntime runtime = new LoggerRuntime();
    RuntimeData data = new RuntimeData();
    runtime.startup(data);
    ExecutionDataStore executions = new ExecutionDataStore();
    SessionInfoStore sessions = new SessionInfoStore();
    List<String> failures = new ArrayList<>();
    try {
      Path instrumented = instrument(originals, new Instrumenter(runtime), work.resolve("classes"));
      SubmissionRunner.inProcess()
          .run(request(instrumented), event -> {
            if (event instanceof TestEvent.TestFinished finished && !finished.outcome().passed()) {
              failures.add(finished.testId() + ": " + finished.outcome().feedback());
            }
          });
      data.collect(executions, sessions, false);
    } finally {
      runtime.shutdown();
    }
    assertThat(failures).as("hidden tests failing against the instrumented reference").isEmpty();

    CoverageBuilder coverage = new CoverageBuilder();
    Analyzer analyzer = new Analyzer(executions, coverage);
    for (Map.Entry<String, byte[]> original : originals.entrySet()) {
      analyzer.analyzeClass(original.getValue(), original.getKey());
    }
    IBundleCoverage bundle = coverage.getBundle("Reference solution, graded by the hidden tests");
    ICounter branches = bundle.getBranchCounter();
    double percent = 100.0 * branches.getCoveredRatio();
    String summary =
        String.format(
            Locale.ROOT,
            "Branch coverage of the reference solution by the hidden tests: %.1f %% (%d of %d"
                + " branches); lines %.1f %%",
            percent,
            branches.getCoveredCount(),
            branches.getTotalCount(),
            100.0 * bundle.getLineCounter().getCoveredRatio());
    writeReports(bundle, executions, sessions, summary + "\n" + missed(coverage));
    System.out.println(summary);

    assertThat(percent)
        .as("%s%nMissed branches:%n%s", summary, missed(coverage))
        .isGreaterThanOrEqualTo(MINIMUM_PERCENT);
  }

  private static RunRequest request(Path instrumented) {
    List<Question> questions = Graded.catalog().questions();
    return new RunRequest(
        List.of(instrumented.toString()),
        questions.stream().flatMap(question -> Graded.catalog().testClasses(question.number()).stream()).toList(),
        RunSettings.DEFAULT_TIME_LIMIT.toMillis(),
        Map.of(),
        questions.stream().flatMap(question -> question.constructorTypes().stream()).distinct().toList());
  }

  /** Reads the reference's class files from wherever the class path holds them. */
  private static Map<String, byte[]> referenceClasses() throws IOException, URISyntaxException {
    Question first = Graded.catalog().questions().get(0);
    String resource =
        "dev/awskit/solutions/" + first.packageName().substring(first.packageName().lastIndexOf('.') + 1)
            + "/" + first.implementation() + ".class";
    URL url = ReferenceCoverageTest.class.getClassLoader().getResource(resource);
    assertThat(url).as("the reference solution on the test class path").isNotNull();
    Map<String, byte[]> classes = new LinkedHashMap<>();
    if ("jar".equals(url.getProtocol())) {
      String jar = url.getPath().substring("file:".length(), url.getPath().indexOf("!/"));
      try (JarFile file = new JarFile(jar)) {
        for (JarEntry entry : file.stream().toList()) {
          if (entry.getName().startsWith("dev/awskit/solutions/") && entry.getName().endsWith(".class")) {
            try (InputStream in = file.getInputStream(entry)) {
              classes.put(entry.getName(), in.readAllBytes());
            }
          }
        }
      }
    } else {
      Path root = Path.of(url.toURI());
      for (int depth = resource.split("/").length; depth > 0; depth--) {
        root = root.getParent();
      }
      Path base = root;
      try (Stream<Path> walk = Files.walk(root.resolve("dev/awskit/solutions"))) {
        for (Path file : walk.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
          classes.put(base.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    }
    return classes;
  }

  private static Path instrument(Map<String, byte[]> originals, Instrumenter instrumenter, Path target)
      throws IOException {
    for (Map.Entry<String, byte[]> original : originals.entrySet()) {
      Path file = target.resolve(original.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, instrumenter.instrument(original.getValue(), original.getKey()));
    }
    return target;
  }

  private static String missed(CoverageBuilder coverage) {
    StringBuilder missed = new StringBuilder();
    for (IClassCoverage type : coverage.getClasses()) {
      for (int line = type.getFirstLine(); line > 0 && line <= type.getLastLine(); line++) {
        ILine counters = type.getLine(line);
        if (counters.getBranchCounter().getMissedCount() > 0) {
          missed.append(String.format(
              Locale.ROOT, "  %s.java line %d: %d of %d branches missed%n",
              type.getName(), line, counters.getBranchCounter().getMissedCount(),
              counters.getBranchCounter().getTotalCount()));
        }
      }
    }
    return missed.toString();
  }

  private static void writeReports(
      IBundleCoverage bundle, ExecutionDataStore executions, SessionInfoStore sessions, String text)
      throws IOException {
    Files.createDirectories(REPORT);
    Files.writeString(REPORT.resolveSibling("reference-coverage.txt"), text, StandardCharsets.UTF_8);
    IReportVisitor html = new HTMLFormatter().createVisitor(new FileMultiReportOutput(REPORT.toFile()));
    html.visitInfo(sessions.getInfos(), executions.getContents());
    html.visitBundle(
        bundle,
        new DirectorySourceFileLocator(Graded.SOLUTION_SOURCES.toFile(), "UTF-8", 2));
    html.visitEnd();
  }
}
