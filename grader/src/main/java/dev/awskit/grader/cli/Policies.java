package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.PolicyException;
import dev.awskit.grader.scoring.PolicyFile;
import java.nio.file.Path;

/** Reads the policy a subcommand was given, or the defaults. */
final class Policies {

  private Policies() {}

  /** Returns the scheme of the policy file, or the default scheme when there is none. */
  static GradingScheme load(Context context, Path policy, Catalog catalog) throws PolicyException {
    return policy == null
        ? GradingScheme.defaults(catalog)
        : PolicyFile.load(context.resolve(policy), policy.toString(), catalog);
  }

  /** Reports a broken policy on the error stream and returns the usage exit code. */
  static int broken(Context context, PolicyException problem) {
    context.err().println("Broken policy file: " + problem.getMessage());
    context.err().println("Nothing was graded. docs/grading-policy.md describes the format.");
    context.err().flush();
    return ExitCodes.USAGE;
  }
}
