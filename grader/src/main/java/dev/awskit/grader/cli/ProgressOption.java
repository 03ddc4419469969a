package dev.awskit.grader.cli;

import dev.awskit.grader.batch.BarProgress;
import dev.awskit.grader.batch.BatchProgress;
import dev.awskit.grader.batch.LineProgress;
import dev.awskit.grader.scoring.GradingScheme;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Adds {@code --progress} to {@code batch}: how the run shows its progress. */
final class ProgressOption {

  @Option(
      names = "--progress",
      paramLabel = "STYLE",
      description =
          "Progress display on the error stream: bar (a bar redrawn in place), lines (a line per"
              + " student), none, or auto (default: bar on a terminal, lines otherwise).",
      defaultValue = "auto")
  String progress = "auto";

  /** Returns the style asked for, checked. */
  String style(CommandLine commandLine) {
    String style = progress.trim().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "bar", "lines", "none").contains(style)) {
      throw new ParameterException(
          commandLine,
          "Unknown --progress '" + progress + "'; choose from auto, bar, lines, none.");
    }
    return style;
  }

  /** Returns the display of a style. */
  BatchProgress display(Context context, String style, GradingScheme scheme) {
    return switch (style) {
      case "bar" -> new BarProgress(context.err());
      case "lines" -> new LineProgress(context.err(), scheme.maxScore());
      case "none" -> BatchProgress.silent();
      default ->
          isTerminal()
              ? new BarProgress(context.err())
              : new LineProgress(context.err(), scheme.maxScore());
    };
  }

  /**
   * Tells whether the grader runs on an interactive terminal. Before JDK 22 a console exists only
   * then; from JDK 22 on it may exist anyway, and {@code isTerminal()} tells.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException unknown) {
      return false;
    }
  }
}
