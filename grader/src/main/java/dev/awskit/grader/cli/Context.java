package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.ScratchSpace;
import dev.awskit.grader.engine.SubmissionRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Holds what every subcommand needs: where to write, the clock, the folder relative paths start
 * from, the catalog (found once, when first needed), the run step and where grading writes the
 * folders it deletes again.
 */
record Context(
    PrintWriter out,
    PrintWriter err,
    Clock clock,
    Path workingDirectory,
    Supplier<Catalog> catalog,
    SubmissionRunner runner,
    ScratchSpace scratch) {

  /** Returns this context with {@code other} as its run step. */
  Context withRunner(SubmissionRunner other) {
    return new Context(out, err, clock, workingDirectory, catalog, other, scratch);
  }

  /** Resolves a path the user gave against the working directory. */
  Path resolve(Path path) {
    return workingDirectory.resolve(path).normalize();
  }
}
