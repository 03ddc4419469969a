package dev.awskit.grader.cli;

import dev.awskit.grader.distribution.DistributionException;
import dev.awskit.grader.distribution.GradescopeBundle;
import dev.awskit.grader.distribution.WrittenArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the Gradescope autograder zip from the packaged grader. */
@Command(
    name = "gradescope-bundle",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Writes a Gradescope autograder zip: setup.sh (installs a JDK 17 and bubblewrap),"
          + " run_autograder (prints the isolation level, then grades /autograder/submission into"
          + " /autograder/results/results.json), this grader jar with its lib/ folder but without"
          + " the reference solution, and the policy file if one is given. Upload the zip as the"
          + " assignment's autograder; docs/distribution.md lists the Gradescope settings.",
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar gradescope-bundle \\",
      "      --policy policy.yaml -o target/autograder.zip"
    })
final class GradescopeBundleCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "ZIP",
      description = "The zip to write (default: ${DEFAULT-VALUE}).",
      defaultValue = GradescopeBundle.DEFAULT_OUTPUT)
  private Path output;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "A grading policy to ship with the bundle (default: the built-in policy).")
  private Path policy;

  @Option(
      names = "--grader",
      paramLabel = "FOLDER",
      description = "The folder holding awskit-grader.jar and lib/ (default: the folder of the"
          + " running grader jar).")
  private Path grader;

  private final Context context;

  GradescopeBundleCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<Path> jarFolder =
        grader == null ? Distribution.runningJarFolder() : Optional.of(context.resolve(grader));
    if (jarFolder.isEmpty()) {
      context.err().println(
          "The grader is not running from awskit-grader.jar; name the folder that holds the jar"
              + " and its lib/ folder with --grader (build it with ./mvnw -B package).");
      context.err().flush();
      return ExitCodes.USAGE;
    }
    try {
      WrittenArchive bundle =
          GradescopeBundle.write(
              jarFolder.get(),
              context.resolve(output),
              Optional.ofNullable(policy).map(context::resolve));
      context.out().printf(
          "Wrote the Gradescope autograder %s (%d files).%n", bundle.file(), bundle.entries().size());
      context.out().flush();
      return ExitCodes.OK;
    } catch (DistributionException refused) {
      return Distribution.refused(context, refused);
    } catch (IOException failed) {
      return Distribution.failed(context, failed);
    }
  }
}
