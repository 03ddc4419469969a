package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.IsolationLevel;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.worker.WorkerClassData;
import dev.awskit.grader.worker.WorkerRunner;
import dev.awskit.grader.worker.WorkerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes the workers' class-data archive when this machine's cache can hold one and has none yet:
 * a worker grades the untouched stubs while the JVM notes the classes it loads, and the grader
 * dumps them into the archive the confined workers then map.
 */
final class ClassDataStep {

  private ClassDataStep() {}

  /**
   * Makes the archive before a batch whose workers are confined and would use it, warning
   * instead of failing when it cannot be made: the batch grades as well without it.
   */
  static void beforeBatch(Context context, Isolation isolation) {
    boolean confined = isolation.level() != IsolationLevel.JVM;
    if (confined && context.runner() instanceof WorkerRunner) {
      try {
        ensure(context, context.err(), false);
      } catch (IOException | RuntimeException failed) {
        context.err().println(
            "Warning: the workers' class-data archive could not be made, so each worker loads its"
                + " classes itself: "
                + failed.getMessage());
      }
      context.err().flush();
    }
  }

  /**
   * Returns the archive the workers use, making it first when it is missing; empty when this
   * grader cannot have one, after saying why on {@code out} when {@code explain} is set.
   *
   * @throws IOException when the archive could not be made, with the reason
   */
  static Optional<Path> ensure(Context context, PrintWriter out, boolean explain)
      throws IOException {
    WorkerClassData data = WorkerClassData.forThisMachine();
    if (!data.possible()) {
      if (!explain) {
        return Optional.empty();
      }
      out.println(
          "No class-data archive: the grader runs from class folders (a build's own output), or"
              + " its cache folder is not one only it may write; workers load their classes"
              + " themselves.");
      return Optional.empty();
    }
    Optional<Path> archive = data.archive();
    if (archive.isPresent()) {
      return archive;
    }
    Instant start = context.clock().instant();
    out.println("Making the workers' class-data archive (once per machine and grader version)...");
    out.flush();
    Path classList = data.newClassList();
    Catalog catalog = context.catalog().get();
    try (WorkerRunner recording =
            data.recordingRunner(WorkerSettings.defaults().withMaxWorkers(1), classList);
        Grader grader = new Grader(catalog, recording, context.clock())) {
      grader.grade(new SubmissionSource.Stubs(), RunSettings.defaults());
    } catch (SubmissionUnusableException impossible) {
      Files.deleteIfExists(classList);
      throw new IOException("The stubs could not be graded: " + impossible.getMessage(), impossible);
    }
    Path made = data.make(classList);
    out.printf(
        "Made %s (%d MB) in %d s.%n",
        made,
        Files.size(made) / (1024 * 1024),
        Duration.between(start, context.clock().instant()).toSeconds());
    return Optional.of(made);
  }
}
