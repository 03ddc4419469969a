package dev.awskit.grader.report;

import dev.awskit.grader.scoring.Scorecard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/** Writes the chosen reports of a scorecard into one output folder. */
public final class Reports {

  /** Names the default output folder, under the current directory. */
  public static final Path DEFAULT_FOLDER = Path.of("grading-reports");

  private Reports() {}

  /**
   * Writes each report of {@code formats} to its file in {@code folder}, creating the folder, and
   * returns the files written in format order. Each file appears whole or not at all: a grader
   * stopped while writing leaves no half report for Gradescope or CI to read.
   */
  public static List<Path> write(Scorecard scorecard, Set<ReportFormat> formats, Path folder)
      throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    for (ReportFormat format : ReportFormat.values()) {
      if (!formats.contains(format)) {
        continue;
      }
      Path file = folder.resolve(format.fileName());
      Path partial = folder.resolve(format.fileName() + ".partial");
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        write(scorecard, format, out);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.add(file);
    }
    return written;
  }

  /** Writes one report of {@code scorecard} in {@code format} to {@code out}. */
  public static void write(Scorecard scorecard, ReportFormat format, Writer out) throws IOException {
    switch (format) {
      case CONSOLE -> ConsoleReport.write(scorecard, new PrintWriter(out));
      case JSON -> JsonReport.write(scorecard, out);
      case GRADESCOPE -> GradescopeReport.write(scorecard, out);
      case MARKDOWN -> MarkdownReport.write(scorecard, out);
      case JUNIT -> {
        try {
          JUnitXmlReport.write(scorecard, out);
        } catch (XMLStreamException broken) {
          throw new IOException("Cannot write the JUnit XML report", broken);
        }
      }
    }
    out.flush();
  }

  /** Writes the console report to {@code out}, as the terminal shows it. */
  public static void print(Scorecard scorecard, PrintWriter out) {
    ConsoleReport.write(scorecard, out);
  }

}
