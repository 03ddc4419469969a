package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.ScratchOwner;
import dev.awskit.grader.engine.ScratchSpace;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.worker.WorkerClassData;
import dev.awskit.grader.worker.WorkerRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
          + " and a class-data archive (AppCDS) of the classes a worker loads, so that each"
          + " confined worker maps them instead of loading them again. It takes 20 to 30 s: a"
          + " worker grades the untouched stubs and the reference solution while its JVM notes"
          + " the classes and lambdas it loads.",
      "",
      "It also makes the class-data archive of the grader's own JVM, beside its jar"
          + " (awskit-grader.jsa, about 10 s more): run the grader with"
          + " -XX:SharedArchiveFile=<the jar's folder>/awskit-grader.jsa and each grade takes"
          + " about half a second less. The JVM refuses an archive made for another JDK or jar"
          + " and starts without it; prepare makes it again.",
      "",
      "The cache is /var/cache/awskit-grader for root, awskit-grader-USER in the temporary"
          + " folder otherwise, or the folder AWSKIT_GRADER_CACHE names. Only the grader's user"
          + " may write it; every file in it is checked before use, and a stage that changed is"
          + " made again. Workers at the jvm level never use it (they run as the grader's own"
          + " user, who could change it).",
      "",
      "grade and batch use the cache when it is there and grade as well without it. Run prepare"
          + " where images are built (the Gradescope bundle's setup.sh does) or once after"
          + " installing the grader."
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
    PrintWriter out = context.out();
    try {
      WorkerClassData data = WorkerClassData.forThisMachine();
      if (!data.possible()) {
        out.println(
            "No cache: the cache folder is not one only the grader's user may write, or the"
                + " grader's class path cannot be read; workers load their classes themselves.");
      } else if (data.archive().isPresent()) {
        out.println("class-data archive: " + data.archive().get());
      } else {
        out.println("class-data archive: " + make(data, out));
      }
      Optional<GraderArchive> grader = GraderArchive.forThisGrader();
      if (grader.isPresent()) {
        out.println("grader's class-data archive: " + makeUnlessUsable(grader.get(), out));
        out.println("Run the grader with " + grader.get().option() + " to use it.");
      }
      out.flush();
      return ExitCodes.OK;
    } catch (IOException | RuntimeException failed) {
      context.err().println("The grader's cache could not be made: " + failed.getMessage());
      context.err().flush();
      return ExitCodes.INTERNAL_ERROR;
    }
  }

  private Path makeUnlessUsable(GraderArchive archive, PrintWriter out) throws IOException {
    Path work = Files.createTempDirectory(ScratchOwner.prefix("awskit-grader-archive-"));
    try {
      if (archive.usable(work)) {
        return archive.file();
      }
      return announced("grader's class-data archive", out, () -> archive.make(work));
    } finally {
      ScratchSpace.delete(work);
    }
  }


  private Path make(WorkerClassData data, PrintWriter out) throws IOException {
    return announced("workers' class-data archive", out, () -> data.archiveMadeOnce(this::record));
  }

  private void record(WorkerRunner recording) throws IOException {
    try (Grader grader = new Grader(context.catalog().get(), recording, context.clock())) {
      // The stubs take the tests' paths of failure, the reference their paths of success (the
      // doubles, the SDK's responses). Neither is a submission, and the classes the reference
      // defines itself are not on the class list: only the built-in loaders' classes are.
      grader.grade(new SubmissionSource.Stubs(), RunSettings.defaults());
      grader.grade(new SubmissionSource.Reference(), RunSettings.defaults());
    } catch (SubmissionUnusableException impossible) {
      throw new IOException(
          "The stubs or the reference solution could not be graded: " + impossible.getMessage(),
          impossible);
    }
  }

  /** Makes an archive, saying first what it makes, then how long that took and how large it is. */
  private Path announced(String what, PrintWriter out, ArchiveMaking making) throws IOException {
    Instant start = context.clock().instant();
    out.println("Making the " + what + " (once per machine and grader version)...");
    out.flush();
    Path made = making.make();
    out.printf(
        "Made it in %d s (%d MB).%n",
        Duration.between(start, context.clock().instant()).toSeconds(),
        Files.size(made) / (1024 * 1024));
    return made;
  }

  /** Makes one archive and returns where it is. */
  @FunctionalInterface
  private interface ArchiveMaking {
    Path make() throws IOException;
  }
}
