package dev.awskit.grader.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.defendant.DefendantRunner;
import dev.awskit.grader.engine.GraderClassPath;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.worker.ConfinedDefendants;
import dev.awskit.grader.worker.IsolationChoice;
import dev.awskit.grader.worker.WorkerRunner;
import dev.awskit.grader.worker.WorkerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks what some hostile cases promise beyond losing points: that their reports hold nothing
 * they found outside their sandbox, that their environment showed no credentials, and that their
 * sandbox was emptied or deleted.
 */
final class HostileCaseChecks {

  private HostileCaseChecks() {}

  /**
   * Returns the isolation the corpus is graded at: the level {@code -Dawskit.corpus.isolation}
   * names ({@code os}, {@code uid} or {@code jvm}), or {@code auto}.
   */
  /**
   * Holds the runner the corpus grades with and what to close after it.
   *
   * @param runner the runner
   * @param resources what the runner holds, closed when the corpus is done
   */
  record CorpusRunner(SubmissionRunner runner, AutoCloseable resources) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      resources.close();
    }
  }

  /**
   * Returns the runner the corpus grades with, at {@link #corpusIsolation()}: as grading does by
   * default, the tests in this JVM and the submission alone in confined defendants, or, with
   * {@code -Dawskit.corpus.verdicts=worker}, workers that run the tests beside the submission (as
   * {@code --no-trusted-verdicts} and {@code batch --reuse-workers} do).
   */
  static CorpusRunner corpusRunner(int parallel) {
    String verdicts = System.getProperty("awskit.corpus.verdicts", "trusted");
    if (!List.of("trusted", "worker").contains(verdicts)) {
      throw new IllegalArgumentException(
          "-Dawskit.corpus.verdicts takes trusted or worker, not " + verdicts);
    }
    if (verdicts.equals("trusted")) {
      ConfinedDefendants defendants = ConfinedDefendants.at(corpusIsolation());
      return new CorpusRunner(new DefendantRunner(defendants), defendants);
    }
    WorkerRunner workers = new WorkerRunner(WorkerSettings.defaults().withMaxWorkers(parallel));
    workers.isolate(corpusIsolation());
    return new CorpusRunner(workers, workers);
  }

  static IsolationChoice corpusIsolation() {
    return IsolationChoice.valueOf(
        System.getProperty("awskit.corpus.isolation", "auto").toUpperCase(Locale.ROOT));
  }

  /**
   * Checks that the reports hold nothing a hostile case found outside its sandbox: it marks each
   * find with "FOUND" and the first bytes of a class file (cafebabe) or a jar (504b0304).
   */
  static void assertNothingLeaked(Path work) throws IOException {
    for (String name : List.of("report.json", "results.json")) {
      assertThat(Files.readString(work.resolve("reports").resolve(name)))
          .as("%s of a submission that snooped on the grader's files", name)
          .doesNotContain("FOUND ")
          .doesNotContainIgnoringCase("cafebabe")
          .doesNotContain("504b0304");
    }
  }

  /** Returns the grader's own jars and folders on the class path the workers get. */
  static List<Path> graderEntries() {
    return GraderClassPath.entries().stream()
        .filter(entry -> entry.toString().contains("grader"))
        .toList();
  }

  /**
   * Checks what the worker's environment showed a submission (no credentials, home, temporary and
   * working folders all in one sandbox) and returns that sandbox.
   */
  static Path sandboxOfCleanEnvironment(String feedback) {
    Matcher env = Pattern.compile("env=\\{([^}]*)\\}").matcher(feedback);
    assertThat(env.find()).as("the environment in %s", feedback).isTrue();
    Set<String> names =
        Stream.of(env.group(1).split(", "))
            .map(entry -> entry.substring(0, entry.indexOf('=')))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(names)
        .as("environment variables a submission sees")
        .isSubsetOf(
            "HOME",
            "TMPDIR",
            "LANG",
            "TZ",
            // Added at the os level: bubblewrap's working folder, and where the JDK's libraries are.
            "PWD",
            "LD_LIBRARY_PATH",
            "SystemRoot",
            "AWS_EC2_METADATA_DISABLED",
            "AWS_CONFIG_FILE",
            "AWS_SHARED_CREDENTIALS_FILE")
        .contains("AWS_EC2_METADATA_DISABLED");
    assertThat(feedback).contains("AWS_EC2_METADATA_DISABLED=true").contains("aws=null");
    Matcher home = Pattern.compile(" home=(\\S+) tmp=(\\S+) cwd=(\\S+)").matcher(feedback);
    assertThat(home.find()).isTrue();
    Path root = Path.of(home.group(1)).getParent();
    assertThat(root.getFileName().toString()).startsWith("awskit-worker-");
    assertThat(Path.of(home.group(2)).startsWith(root)).as("tmp inside %s", root).isTrue();
    assertThat(Path.of(home.group(3)).startsWith(root)).as("cwd inside %s", root).isTrue();
    return root;
  }

  /**
   * Checks that a worker's sandbox holds nothing after grading: deleted with its worker, or
   * emptied down to its three folders for the next submission of a reused worker.
   */
  static void assertEmptiedOrDeleted(Path sandbox) {
    if (Files.exists(sandbox)) {
      try (Stream<Path> left = Files.walk(sandbox)) {
        assertThat(left.map(sandbox::relativize).map(Path::toString))
            .as("what is left in the reused worker's sandbox %s after grading", sandbox)
            .containsExactlyInAnyOrder("", "work", "tmp", "home");
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
  }
}
