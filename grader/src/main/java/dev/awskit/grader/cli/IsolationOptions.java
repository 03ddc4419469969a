package dev.awskit.grader.cli;

import dev.awskit.grader.defendant.DefendantRunner;
import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.IsolationLevel;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.worker.IsolationChoice;
import dev.awskit.grader.worker.IsolationUnavailableException;
import dev.awskit.grader.worker.WorkerRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
   * Applies the choice to the context's runner (a {@link DefendantRunner} has it from its making)
   * and starts finding the isolation it gives on a thread of its own, so that the probe's worker
   * starts while the command does other work. {@link #settle} then takes what the probe found, or
   * probes again and tells what failed.
   */
  void probeAhead(Context context) {
    SubmissionRunner runner = context.runner();
    if (runner instanceof WorkerRunner workers) {
      workers.isolate(isolation);
    } else if (!(runner instanceof DefendantRunner)) {
      return;
    }
    Thread probe =
        new Thread(
            () -> {
              try {
                runner.isolation();
              } catch (RuntimeException unavailable) {
                // Not remembered: settle probes again and reports it.
              }
            },
            "awskit-isolation-probe");
    probe.setDaemon(true);
    probe.start();
  }

  /**
   * Applies the choice to the context's runner and returns the isolation it gives, or empty after
   * telling the user why the isolation asked for cannot be had. At the {@code uid} level, where the
   * code under grading runs as another user of the same file system, it makes the folders the
   * grader writes readable by its own user only, and warns about the ones it only reads that other
   * users may read.
   *
   * @param written folders the grader creates and writes, such as the reports
   * @param read folders the grader only reads, such as a class's submissions
   */
  Optional<Isolation> settle(Context context, List<Path> written, List<Path> read) {
    Optional<Isolation> got = settle(context);
    if (got.isPresent() && got.get().level() == IsolationLevel.UID) {
      for (Path folder : written) {
        try {
          Files.createDirectories(folder);
          Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException unchangeable) {
          warn(context, folder, "it could not be made the grader's alone: " + unchangeable);
        }
      }
      for (Path folder : read) {
        if (othersMayRead(folder)) {
          warn(context, folder, "every user may read it; run chmod -R go-rwx on it");
        }
      }
    }
    return got;
  }

  private static boolean othersMayRead(Path folder) {
    try {
      return Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException unknown) {
      return false;
    }
  }

  private static void warn(Context context, Path folder, String why) {
    context.err().printf(
        "Warning: at the uid level the code under grading runs as another user, who can read %s:"
            + " %s.%n",
        folder, why);
    context.err().flush();
  }

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
