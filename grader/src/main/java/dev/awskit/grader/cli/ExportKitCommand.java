package dev.awskit.grader.cli;

import dev.awskit.grader.distribution.DistributionException;
import dev.awskit.grader.distribution.StudentKit;
import dev.awskit.grader.distribution.WrittenArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Exports the student starter kit as a zip. */
@Command(
    name = "export-kit",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Writes the student starter kit as a zip: the exercises module (contracts, stubs, public"
          + " tests), the handout and grading policy, the Maven Wrapper, a student pom and a"
          + " README for students. It holds no solution, no hidden test and nothing of the"
          + " grader; the export refuses to write a kit that would.",
      "",
      "Run it from the kit's root folder, or name that folder with --repository."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar export-kit",
      "  java -jar grader/target/awskit-grader.jar export-kit -o ~/course/lab-6.zip"
    })
final class ExportKitCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "ZIP",
      description = "The zip to write (default: ${DEFAULT-VALUE}).",
      defaultValue = StudentKit.DEFAULT_OUTPUT)
  private Path output;

  @Option(
      names = "--repository",
      paramLabel = "FOLDER",
      description = "The kit's root folder, which holds pom.xml and exercises/ (default: the"
          + " current folder).")
  private Path repository;

  private final Context context;

  ExportKitCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path root = context.resolve(repository == null ? Path.of("") : repository);
    try {
      WrittenArchive kit = StudentKit.export(root, context.resolve(output));
      context.out().printf("Wrote the student kit %s (%d files).%n", kit.file(), kit.entries().size());
      context.out().flush();
      return ExitCodes.OK;
    } catch (DistributionException refused) {
      return Distribution.refused(context, refused);
    } catch (IOException failed) {
      return Distribution.failed(context, failed);
    }
  }
}
