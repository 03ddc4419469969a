package dev.awskit.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/** Starts the grader's command line: {@code java -jar grader/target/awskit-grader.jar --help}. */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int exitCode =
        new GraderCli(out, err, Clock.systemUTC(), Path.of("").toAbsolutePath()).execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }
}
