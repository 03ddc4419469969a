package dev.awskit.grader.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tries a confinement for real: starts the worker JVM in it, as a grade would, with no nonce on
 * its input, so that it loads its main class from the class path and ends at once.
 *
 * @param settings the workers' limits
 * @param mainClass the worker's main class
 * @param classPath the worker's class path, as {@link WorkerCommand#classPathEntries()} finds it
 */
record WorkerProbe(WorkerSettings settings, String mainClass, List<String> classPath) {

  /** Returns why a worker could not start in {@code confinement}, or empty when it started. */
  Optional<String> failure(Confinement confinement) {
    Sandbox sandbox = Sandbox.create();
    ConfinedWorker confined;
    try {
      confined = WorkerCommand.confined(confinement, settings, sandbox, mainClass, classPath, List.of());
    } catch (RuntimeException unpreparable) {
      return Optional.of(String.valueOf(unpreparable.getMessage()));
    }
    Process process = null;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(confined.command())
              .directory(sandbox.work().toFile())
              .redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(confined.environment());
      process = builder.start();
      process.getOutputStream().close();
      Duration limit = settings.startTimeout();
      String output = tail(process.getInputStream());
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        return Optional.of("it did not end within " + limit.toSeconds() + " s");
      }
      return process.exitValue() == 0
          ? Optional.empty()
          : Optional.of("exit code " + process.exitValue() + ": " + output.strip());
    } catch (IOException unstartable) {
      return Optional.of(String.valueOf(unstartable.getMessage()));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } finally {
      try {
        if (process != null) {
          // The probe's JVM ends before any code but its own runs: it started nothing.
          confined.endAll(process.toHandle(), List.of());
        } else {
          confined.slot().ifPresent(UidSlots.Slot::close);
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      sandbox.delete();
    }
  }

  /** Reads the output to its end and keeps its last 2,000 characters. */
  private static String tail(InputStream output) throws IOException {
    String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
    return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
  }
}
