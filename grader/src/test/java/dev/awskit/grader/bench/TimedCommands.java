package dev.awskit.grader.bench;

import dev.awskit.grader.cli.GraderCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the packaged grader and the other commands of the {@link Benchmark}, timing each and
 * sampling its memory while it runs.
 */
final class TimedCommands {

  private final Path graderTarget;
  private final Path errors;
  private final List<String> graderJvmOptions;

  /**
   * Creates the runner of commands for the grader packaged in {@code graderTarget}; a command's
   * standard error goes to {@code errors}, which a failure quotes.
   */
  TimedCommands(Path graderTarget, Path errors) {
    this.graderTarget = graderTarget;
    this.errors = errors;
    // As docs/performance.md recommends: a small heap, quick start-up, and the class-data archive
    // prepare made beside the jar.
    this.graderJvmOptions =
        Stream.concat(
                GraderCli.RECOMMENDED_JVM_OPTIONS.stream(),
                Stream.of("-XX:SharedArchiveFile=" + graderTarget.resolve("awskit-grader.jsa")))
            .toList();
  }

  /** Returns the command that runs the packaged grader with {@code args}. */
  List<String> grader(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(graderJvmOptions);
    command.add("-jar");
    command.add(graderTarget.resolve("awskit-grader.jar").toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code command} as {@link #timed(List, Path, PeakMemory, boolean)} does, strictly. */
  Duration timed(List<String> command, Path directory, PeakMemory sampler) throws Exception {
    return timed(command, directory, sampler, true);
  }

  /**
   * Runs {@code command} while sampling its memory and returns how long it took; with {@code
   * strict}, an exit code other than 0 (graded) or 4 (below the minimum score) is an error.
   */
  Duration timed(List<String> command, Path directory, PeakMemory sampler, boolean strict)
      throws Exception {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(errors.toFile())
            .start();
    ProcessHandle handle = process.toHandle();
    while (process.isAlive()) {
      sampler.sample(handle);
      Thread.sleep(20);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    int exit = process.exitValue();
    if (strict && exit != 0 && exit != 4) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited with " + exit + ":\n" + Files.readString(errors));
    }
    return took;
  }

  /** Returns the line the grader's {@code isolation} command prints on this machine. */
  String isolationLine(Path directory) throws Exception {
    Process process =
        new ProcessBuilder(grader("isolation"))
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output.strip();
  }
}
