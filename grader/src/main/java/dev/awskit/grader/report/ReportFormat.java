package dev.awskit.grader.report;

import java.util.Arrays;
import java.util.Optional;

/** Names the reports the grader writes, each with its file in the output folder. */
public enum ReportFormat {
  /** Prints the console table, and saves it as text. */
  CONSOLE("console", "report.txt"),
  /** Writes the full report in the grader's own JSON schema ({@code docs/report-schema.json}). */
  JSON("json", "report.json"),
  /** Writes Gradescope's {@code results.json}. */
  GRADESCOPE("gradescope", "results.json"),
  /** Writes JUnit XML, as CI tools read test results. */
  JUNIT("junit", "junit.xml"),
  /** Writes a Markdown summary for a CI job summary. */
  MARKDOWN("markdown", "summary.md");

  private final String key;
  private final String fileName;

  ReportFormat(String key, String fileName) {
    this.key = key;
    this.fileName = fileName;
  }

  /** Returns the name the command line uses. */
  public String key() {
    return key;
  }

  /** Returns the name of the report's file in the output folder. */
  public String fileName() {
    return fileName;
  }

  /** Returns the format with that command-line name, ignoring case. */
  public static Optional<ReportFormat> of(String key) {
    return Arrays.stream(values()).filter(format -> format.key.equalsIgnoreCase(key)).findFirst();
  }

  @Override
  public String toString() {
    return key;
  }
}
