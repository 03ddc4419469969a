package dev.awskit.grader.cli;

import dev.awskit.grader.engine.ScratchOwner;
import dev.awskit.grader.engine.ScratchSpace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Starts the grader's command line: {@code java -jar grader/target/awskit-grader.jar --help}. */
public final class Main {

  private Main() {}

  /**
   * Runs the command line and exits with its exit code. First it removes what graders that were
   * killed left in the temporary folders, and makes sure that this one, stopped by a signal, leaves
   * nothing there ({@link ScratchOwner}).
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    GraderCli cli = new GraderCli(out, err, Clock.systemUTC(), Path.of("").toAbsolutePath());
    List<Path> temporaryFolders = List.of(ScratchSpace.systemTemp().root(), cli.scratch().root());
    int exitCode;
    try (ScratchOwner owner = ScratchOwner.claimUntilExit(temporaryFolders)) {
      exitCode = cli.execute(args);
    }
    out.flush();
    err.flush();
    System.exit(exitCode);
  }
}
