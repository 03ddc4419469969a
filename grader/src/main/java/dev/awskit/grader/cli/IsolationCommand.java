package dev.awskit.grader.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints the isolation level this machine gives the worker JVMs. */
@EndsWith({ExitCodes.ISOLATION_UNAVAILABLE})
@Command(
    name = "isolation",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Probes this machine as a grade would, by starting a worker JVM in each isolation level"
          + " from the strongest, and prints the level it gets, with what it consists of:",
      "  os   bubblewrap: its own user, process, network and mount namespaces, no /proc, only"
          + " the JDK, the class path and its sandbox folder mounted",
      "  uid  a dedicated unprivileged uid with resource limits (the grader runs as root)",
      "  jvm  the worker JVM's own confinement of java.nio.file only",
      "",
      "Run it where grading runs (a Gradescope image, a CI runner, a pod) to check the level"
          + " before grading a class. docs/security/worker.md says what each level stops."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar isolation",
      "  java -jar grader/target/awskit-grader.jar isolation --require-isolation os"
    })
final class IsolationCommand implements Callable<Integer> {

  @Mixin private IsolationOptions isolation;

  private final Context context;

  IsolationCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return isolation
        .settle(context)
        .map(
            got -> {
              context.out().println("isolation: " + got.describe());
              context.out().flush();
              return ExitCodes.OK;
            })
        .orElse(ExitCodes.ISOLATION_UNAVAILABLE);
  }
}
