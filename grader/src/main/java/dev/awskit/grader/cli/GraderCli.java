package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.ScratchSpace;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.worker.WorkerRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the grader's command line: {@code grade}, {@code batch}, {@code merge-gradebooks}, {@code
 * class-report}, {@code lms-export}, {@code self-check}, {@code list}, {@code export-kit}, {@code gradescope-bundle}
 * and {@code isolation}, with the output writers, clock and working folder it is given, and
 * returns the exit code.
 *
 * <p>Without a subcommand, the arguments go to {@code grade}: {@code awskit-grader} alone grades
 * the student workspace.
 */
public final class GraderCli {

  /**
   * Names the JVM options the grader is recommended to run with: a heap that starts small, is
   * touched when the JVM starts (so that a long batch's resident memory does not creep up as it
   * fills the heap for the first time) and stops at 256 MB, the serial collector and the C1
   * compiler alone (docs/performance.md, where the figures are). README.md, the container image
   * and the scripts in {@code benchmark/} give them too.
   */
  public static final List<String> RECOMMENDED_JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx256m",
          "-XX:+AlwaysPreTouch",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1");

  private static final String EXIT_CODES_HEADING = "%nExit codes:%n";

  private final Context context;
  private final WorkerRunner ownRunner;

  /**
   * Creates a command line that runs submissions in worker JVMs ({@link WorkerRunner}).
   *
   * @param out where reports and results go
   * @param err where errors go
   * @param clock the clock grading is timed and dated with
   * @param workingDirectory the folder relative paths start from
   */
  public GraderCli(PrintWriter out, PrintWriter err, Clock clock, Path workingDirectory) {
    this(out, err, clock, workingDirectory, WorkerRunner.withDefaults());
  }

  private GraderCli(
      PrintWriter out, PrintWriter err, Clock clock, Path workingDirectory, WorkerRunner runner) {
    this(out, err, clock, workingDirectory, runner, Catalog::load, runner);
  }

  GraderCli(
      PrintWriter out, PrintWriter err, Clock clock, Path workingDirectory, SubmissionRunner runner) {
    this(out, err, clock, workingDirectory, runner, Catalog::load);
  }

  GraderCli(
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      Path workingDirectory,
      SubmissionRunner runner,
      Supplier<Catalog> catalog) {
    this(out, err, clock, workingDirectory, runner, catalog, null);
  }

  private GraderCli(
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      Path workingDirectory,
      SubmissionRunner runner,
      Supplier<Catalog> catalog,
      WorkerRunner ownRunner) {
    this.context =
        new Context(
            out,
            err,
            clock,
            workingDirectory,
            new Memo<>(catalog),
            runner,
            ScratchSpace.choose(System.getenv()));
    this.ownRunner = ownRunner;
  }

  /** Returns the folder the commands' scratch folders go in, chosen once for this command line. */
  ScratchSpace scratch() {
    return context.scratch();
  }

  /** Runs the command line {@code args} and returns its exit code ({@link ExitCodes}). */
  public int execute(String... args) {
    CommandLine commandLine = commandLine();
    try {
      return commandLine.execute(withDefaultSubcommand(commandLine, args));
    } finally {
      if (ownRunner != null) {
        // A worker started ahead for a submission that turned out unusable ends here.
        ownRunner.close();
      }
    }
  }

  CommandLine commandLine() {
    CommandLine commandLine =
        new CommandLine(new TopCommand())
            .addSubcommand("grade", new GradeCommand(context))
            .addSubcommand("batch", new BatchCommand(context))
            .addSubcommand("merge-gradebooks", new MergeGradebooksCommand(context))
            .addSubcommand("class-report", new ClassReportCommand(context))
            .addSubcommand("lms-export", new LmsExportCommand(context))
            .addSubcommand("self-check", new SelfCheckCommand(context))
            .addSubcommand("list", new ListCommand(context))
            .addSubcommand("export-kit", new ExportKitCommand(context))
            .addSubcommand("gradescope-bundle", new GradescopeBundleCommand(context))
            .addSubcommand("isolation", new IsolationCommand(context))
            .addSubcommand("prepare", new PrepareCommand(context))
            .addSubcommand("kubernetes", new KubernetesCommand(context))
            .addSubcommand("help", new CommandLine.HelpCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setExecutionExceptionHandler(
        (problem, failed, parsed) -> {
          context.err().println("The grader failed: " + problem);
          problem.printStackTrace(context.err());
          context.err().flush();
          return ExitCodes.INTERNAL_ERROR;
        });
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading(EXIT_CODES_HEADING)
        .exitCodeList(ExitCodes.helpListOfEveryCode());
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      EndsWith beyond = sub.getCommand().getClass().getAnnotation(EndsWith.class);
      sub.getCommandSpec()
          .usageMessage()
          .exitCodeListHeading(EXIT_CODES_HEADING)
          .exitCodeList(ExitCodes.helpList(beyond == null ? new int[0] : beyond.value()));
    }
    return commandLine;
  }

  /** Sends arguments that name no subcommand (or none at all) to {@code grade}. */
  private static String[] withDefaultSubcommand(CommandLine commandLine, String[] args) {
    Set<String> own = Set.of("-h", "--help", "-V", "--version");
    if (args.length > 0
        && (commandLine.getSubcommands().containsKey(args[0]) || own.contains(args[0]))) {
      return args;
    }
    List<String> routed = new ArrayList<>();
    routed.add("grade");
    routed.addAll(Arrays.asList(args));
    return routed.toArray(String[]::new);
  }

  /** Describes the program as a whole; its subcommands do the work. */
  @Command(
      name = "awskit-grader",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      usageHelpAutoWidth = true,
      synopsisSubcommandLabel = "[COMMAND]",
      description = {
        "Grades submissions of the AWS SDK for Java v2 exercise kit: twelve questions, each"
            + " checked by hidden JUnit tests that hand mocked AWS clients to the student's"
            + " class. A question's score is the share of its tests' points that passed, scaled"
            + " to its maximum; tiers easy (1-4, 5 points each), intermediate (5-8, 8 points)"
            + " and advanced (9-12, 12 points) make 100, unless a policy file says otherwise.",
        "",
        "A submission is a folder of .java files in any layout: the student's workspace"
            + " (exercises/src/main/java, the default), a kit's root folder, or any folder of"
            + " sources, or a zip of one. The grader compiles it itself against the exercise"
            + " interfaces (a submission cannot replace them); a file that does not compile costs"
            + " only its question. The submission's code runs only in a separate worker JVM, after"
            + " static checks; what breaks there costs only its question too. Reports go to"
            + " grading-reports/ under the current folder unless -o says otherwise.",
        "",
        "Without a command, the arguments go to 'grade': with none at all, the grader grades"
            + " the student workspace.",
        ""
      },
      commandListHeading = "%nCommands:%n",
      footerHeading = "%nExamples:%n",
      footer = {
        "  # grade the student workspace (run from the kit's root folder)",
        "  java -jar grader/target/awskit-grader.jar",
        "  # grade a folder of sources, reports in their own folder",
        "  java -jar grader/target/awskit-grader.jar grade submissions/alice \\",
        "      -o reports/alice",
        "  # grade a class: one folder or zip per student, a CSV gradebook",
        "  java -jar grader/target/awskit-grader.jar batch submissions",
        "  # rebuild the batch's class report from its stored results",
        "  java -jar grader/target/awskit-grader.jar class-report",
        "  # Canvas and Moodle import files of the batch's totals",
        "  java -jar grader/target/awskit-grader.jar lms-export --roster roster.csv",
        "  # grade the reference solution",
        "  java -jar grader/target/awskit-grader.jar grade --reference",
        "  # reference must score full marks, untouched stubs zero",
        "  java -jar grader/target/awskit-grader.jar self-check",
        "  # questions, tiers, points and the hidden tests' names",
        "  java -jar grader/target/awskit-grader.jar list",
        "  # the student starter kit, and the Gradescope autograder (both under target/)",
        "  java -jar grader/target/awskit-grader.jar export-kit",
        "  java -jar grader/target/awskit-grader.jar gradescope-bundle",
        "  # the isolation level this machine gives the code under grading",
        "  java -jar grader/target/awskit-grader.jar isolation",
        "  # every option of a command",
        "  java -jar grader/target/awskit-grader.jar help grade",
        "",
        "docs/instructor-guide.md explains the reports; docs/grading-policy.md the",
        "policy file."
      })
  static final class TopCommand implements Runnable {

    @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  /** Reports the grader's version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = GraderCli.class.getPackage().getImplementationVersion();
      return new String[] {"awskit-grader " + (version == null ? "(development build)" : version)};
    }
  }

  /** Computes a value once, when first asked for it. */
  private static final class Memo<T> implements Supplier<T> {
    private final Supplier<T> source;
    private T value;

    Memo(Supplier<T> source) {
      this.source = source;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = source.get();
      }
      return value;
    }
  }
}
