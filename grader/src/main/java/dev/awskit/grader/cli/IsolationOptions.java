package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.IsolationLevel;
import dev.awskit.grader.worker.IsolationChoice;
import dev.awskit.grader.worker.IsolationUnavailableException;
import dev.awskit.grader.worker.WorkerRunner;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Adds {@code --isolation} and {@code --require-isolation} to the commands that run submissions,
 * and settles the level before anything is graded.
 */
final class IsolationOptions {

  @Option(
      names = "--isolation",
      paramLabel = "LEVEL",
      defaultValue = "auto",
      description =
          "How the worker JVMs that run submissions are kept apart: auto (the best this machine"
              + " gives), os (bubblewrap namespaces), uid (a dedicated unprivileged user; the"
              + " grader runs as root), jvm (the worker's own confinement only). Default:"
              + " ${DEFAULT-VALUE}. 'awskit-grader isolation' prints what auto gives here.")
  IsolationChoice isolation = IsolationChoice.AUTO;

  @Option(
      names = "--require-isolation",
      paramLabel = "LEVEL",
      description =
          "Refuse to grade (exit code "
              + ExitCodes.ISOLATION_UNAVAILABLE
              + ") unless the level is at least LEVEL: os, uid or jvm.")
  IsolationLevel required;

  /**
   * Applies the choice to the context's runner and returns the isolation it gives, or empty after
   * telling the user why the isolation asked for cannot be had.
   */
  Optional<Isolation> settle(Context context) {
    if (context.runner() instanceof WorkerRunner workers) {
      workers.isolate(isolation);
    }
    Isolation got;
    try {
      got = context.runner().isolation();
    } catch (IsolationUnavailableException unavailable) {
      context.err().println(unavailable.getMessage());
      context.err().flush();
      return Optional.empty();
    }
    if (required != null && !got.level().atLeast(required)) {
      context.err().printf(
          "Grading needs isolation level %s or stronger (--require-isolation), but this machine"
              + " gives %s.%n",
          required.label(), got.describe());
      context.err().flush();
      return Optional.empty();
    }
    return Optional.of(got);
  }
}
