package dev.awskit.grader.cli;

import dev.awskit.grader.report.ReportFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Reads the reports a command's {@code --format} asks for. */
final class ReportFormats {

  private ReportFormats() {}

  /**
   * Returns the formats {@code names} name, or every format when it names none.
   *
   * @throws ParameterException for a name that is no format, with the choices
   */
  static Set<ReportFormat> chosen(List<String> names, CommandLine commandLine) {
    if (names == null || names.isEmpty()) {
      return EnumSet.allOf(ReportFormat.class);
    }
    Set<ReportFormat> chosen = EnumSet.noneOf(ReportFormat.class);
    for (String name : names) {
      chosen.add(
          ReportFormat.of(name.trim())
              .orElseThrow(
                  () ->
                      new ParameterException(
                          commandLine,
                          "Unknown report format '"
                              + name
                              + "'; choose from "
                              + List.of(ReportFormat.values())
                              + ".")));
    }
    return chosen;
  }
}
