package dev.awskit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one section of docs/engine-conformance.md in step with the scenarios a test class ran:
 * the section between {@code <!-- name:begin -->} and {@code <!-- name:end -->} must be the
 * table the run produced, so the document cannot go stale. With {@code
 * -Dawskit.conformance.write=true} the run writes the section instead of checking it.
 */
public final class ConformanceReport {

  /** The report, from this module's folder (where Surefire runs the tests). */
  static final Path DOCUMENT = Path.of("..", "docs", "engine-conformance.md");

  private static final String HEADER =
      "| scenario | sent by | engine | our double | agreement |\n|---|---|---|---|---|\n";

  private final String section;
  private final String header;
  private final List<String> rows = new ArrayList<>();

  /** Starts the section named {@code section} (such as {@code sqs}), a table of scenarios. */
  public ConformanceReport(String section) {
    this(section, HEADER);
  }

  /** Starts the section named {@code section}, a table under {@code header}. */
  ConformanceReport(String section, String header) {
    this.section = section;
    this.header = header;
  }

  /** Adds one scenario's row, in the order the scenarios ran. */
  public synchronized void add(Scenario scenario) {
    rows.add(scenario.row());
  }

  /** Adds a row of cells. */
  synchronized void add(String... cells) {
    rows.add("| " + String.join(" | ", cells) + " |");
  }

  /** Returns how many rows were added. */
  synchronized int size() {
    return rows.size();
  }

  /** Renders the section as a Markdown table, its rows in the order they were added. */
  public synchronized String render() {
    StringBuilder text = new StringBuilder(header);
    for (String row : rows) {
      text.append(row).append('\n');
    }
    return text.toString();
  }

  /**
   * Checks the document's section against this run, or writes it when asked to. A run whose
   * scenarios were all skipped (no engine) checks nothing: it has nothing to say.
   */
  public void checkOrWrite() throws IOException {
    if (!rows.isEmpty()) {
      checkOrWrite(section, render());
    }
  }

  /** Checks (or writes) the section {@code name} of the document to hold exactly {@code body}. */
  static void checkOrWrite(String name, String body) throws IOException {
    String begin = "<!-- " + name + ":begin -->\n";
    String end = "<!-- " + name + ":end -->";
    String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    int from = document.indexOf(begin);
    int to = document.indexOf(end);
    assertThat(from)
        .as("docs/engine-conformance.md has a section %s between %s and %s", name, begin.trim(), end)
        .isNotNegative()
        .isLessThan(to);
    String current = document.substring(from + begin.length(), to);
    if (Boolean.getBoolean("awskit.conformance.write")) {
      Files.writeString(
          DOCUMENT,
          document.substring(0, from + begin.length()) + body + document.substring(to),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(current)
        .as("section %s of docs/engine-conformance.md is what this run found; run"
            + " ./mvnw -pl conformance test -Dawskit.conformance.write=true to rewrite it", name)
        .isEqualTo(body);
  }
}
