package dev.awskit.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Makes the grader's cache on this machine so that the first grade starts as fast as the next. */
@Command(
    name = "prepare",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Makes the grader's cache on this machine, once per grader version: the worker JVMs'"
          + " class path, staged where a worker's own uid can read it without the hidden tests,"
          + " and a class-data archive (AppCDS) of the classes a worker loads, so that each worker"
          + " maps them instead of loading them again.",
      "",
      "The cache is /var/cache/awskit-grader for root, awskit-grader-USER in the temporary"
          + " folder otherwise, or the folder AWSKIT_GRADER_CACHE names. Only the grader's user"
          + " may write it; every file in it is checked before use, and one that changed is made"
          + " again. Workers at the jvm level never use it (they run as the grader's own user).",
      "",
      "batch makes the cache itself when it is missing; grade uses it when it is there. Run"
          + " prepare where images are built (the Gradescope bundle's setup.sh does) so that"
          + " every single grade finds it."
    },
    footerHeading = "%nExample:%n",
    footer = {"  java -jar grader/target/awskit-grader.jar prepare"})
final class PrepareCommand implements Callable<Integer> {

  private final Context context;

  PrepareCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try {
      Optional<Path> archive = ClassDataStep.ensure(context, context.out(), true);
      archive.ifPresent(made -> context.out().println("class-data archive: " + made));
      context.out().flush();
      return ExitCodes.OK;
    } catch (IOException | RuntimeException failed) {
      context.err().println("The grader's cache could not be made: " + failed.getMessage());
      context.err().flush();
      return ExitCodes.INTERNAL_ERROR;
    }
  }
}
