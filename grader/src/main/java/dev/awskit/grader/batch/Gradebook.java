package dev.awskit.grader.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Holds a class's gradebook: a row per student, sorted by student id, and reads, writes and merges
 * it as CSV.
 *
 * <p>Columns: {@code student}, {@code status} ({@code graded}, {@code unusable} or {@code error}),
 * one per question ({@code q01}..), one per tier, {@code total} (the raw scores the hidden tests
 * gave), {@code overrides}, {@code late_penalty} and {@code final} when scores are adjusted after
 * grading, and {@code reason} (why the submission was not graded, or what changed its score). Points have two decimals at most, with a dot. The file is RFC
 * 4180 CSV in UTF-8: a cell holding a comma, a quote or a line break is quoted, its quotes doubled,
 * so any student id survives a round trip. Per-question averages go to a separate file ({@link
 * #averagesFileOf}), so that the gradebook holds students only and can be sorted or imported as it
 * is.
 *
 * @param scoreColumns the names of the score columns, between {@code status} and {@code reason}
 * @param rows the students' rows, sorted by id
 */
public record Gradebook(List<String> scoreColumns, List<GradebookRow> rows) {

  /** Names the first column. */
  public static final String STUDENT = "student";

  /** Names the second column. */
  public static final String STATUS = "status";

  /** Names the last column. */
  public static final String REASON = "reason";

  // RFC 4180, CRLF between records; blank lines (a hand edit) are skipped when reading.
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

  /** Checks that every row has a cell per score column; sorts the rows by student id. */
  public Gradebook {
    scoreColumns = List.copyOf(scoreColumns);
    for (GradebookRow row : rows) {
      if (row.scores().size() != scoreColumns.size()) {
        throw new IllegalArgumentException("Row " + row.student() + " does not fit the columns");
      }
    }
    rows = rows.stream().sorted(Comparator.comparing(GradebookRow::student)).toList();
  }

  /** Returns the gradebook of batch results, their points rounded to two decimals. */
  public static Gradebook of(GradebookLayout layout, List<StudentResult> results) {
    List<GradebookRow> rows = new ArrayList<>();
    for (StudentResult result : results) {
      List<BigDecimal> scores =
          layout.columns().stream().map(column -> round(result.score(column))).toList();
      rows.add(new GradebookRow(result.student(), result.status(), scores, result.note()));
    }
    return new Gradebook(layout.columns(), rows);
  }

  /** Returns the header: {@code student, status}, the score columns, {@code reason}. */
  public List<String> header() {
    List<String> header = new ArrayList<>();
    header.add(STUDENT);
    header.add(STATUS);
    header.addAll(scoreColumns);
    header.add(REASON);
    return header;
  }

  /**
   * Returns the average of every score column over the graded students; unusable and error rows,
   * whose zeros say nothing about the class, are left out.
   */
  public Averages averages() {
    List<GradebookRow> graded =
        rows.stream().filter(row -> row.status() == RowStatus.GRADED).toList();
    if (graded.isEmpty()) {
      return new Averages(scoreColumns, 0, List.of());
    }
    List<BigDecimal> averages = new ArrayList<>();
    for (int column = 0; column < scoreColumns.size(); column++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (GradebookRow row : graded) {
        sum = sum.add(row.scores().get(column));
      }
      averages.add(sum.divide(BigDecimal.valueOf(graded.size()), 2, RoundingMode.HALF_UP));
    }
    return new Averages(scoreColumns, graded.size(), averages);
  }

  /** Writes the gradebook to {@code file}, through a temporary file moved into place. */
  public void write(Path file) throws IOException {
    writeAtomically(
        file,
        printer -> {
          printer.printRecord(header());
          for (GradebookRow row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.student());
            cells.add(row.status().key());
            row.scores().forEach(score -> cells.add(text(score)));
            cells.add(row.reason());
            printer.printRecord(cells);
          }
        });
  }

  /**
   * Writes the averages to {@code file}: a header {@code measure, graded,} and the score columns,
   * then one row {@code average}, the number of graded students, and the averages (empty cells when
   * no student was graded).
   */
  public void writeAverages(Path file) throws IOException {
    Averages averages = averages();
    writeAtomically(
        file,
        printer -> {
          List<String> header = new ArrayList<>(List.of("measure", "graded"));
          header.addAll(scoreColumns);
          printer.printRecord(header);
          List<String> cells =
              new ArrayList<>(List.of("average", String.valueOf(averages.graded())));
          for (int column = 0; column < scoreColumns.size(); column++) {
            cells.add(averages.values().isEmpty() ? "" : text(averages.values().get(column)));
          }
          printer.printRecord(cells);
        });
  }

  /**
   * Returns where the averages of a gradebook go: beside it, {@code -averages} added to its name
   * ({@code gradebook.csv} gives {@code gradebook-averages.csv}).
   */
  public static Path averagesFileOf(Path gradebook) {
    String name = gradebook.getFileName().toString();
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return gradebook.resolveSibling(base + "-averages.csv");
  }

  /**
   * Reads a gradebook this class wrote.
   *
   * @throws GradebookException when the file is not such a gradebook, saying where and why
   * @throws IOException when the file cannot be read
   */
  public static Gradebook read(Path file) throws GradebookException, IOException {
    String name = file.toString();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        throw new GradebookException(name + " is empty: a gradebook starts with its header.");
      }
      List<String> header = new ArrayList<>(records.get(0).toList());
      // A spreadsheet program may have added a byte-order mark.
      header.set(0, header.get(0).replace("\uFEFF", ""));
      if (header.size() < 4
          || !header.get(0).equals(STUDENT)
          || !header.get(1).equals(STATUS)
          || !header.get(header.size() - 1).equals(REASON)) {
        throw new GradebookException(
            name
                + " is not a gradebook of the grader: its header must start with "
                + STUDENT
                + ","
                + STATUS
                + " and end with "
                + REASON
                + ", but it is "
                + String.join(",", header)
                + ".");
      }
      List<String> scoreColumns = header.subList(2, header.size() - 1);
      List<GradebookRow> rows = new ArrayList<>();
      for (CSVRecord record : records.subList(1, records.size())) {
        rows.add(row(name, record, header, scoreColumns));
      }
      return new Gradebook(scoreColumns, rows);
    }
  }

  private static GradebookRow row(
      String file, CSVRecord record, List<String> header, List<String> scoreColumns)
      throws GradebookException {
    String where = file + ", record " + record.getRecordNumber();
    if (record.size() != header.size()) {
      throw new GradebookException(
          where + ": " + record.size() + " cells where the header has " + header.size() + ".");
    }
    String student = record.get(0);
    if (student.isEmpty()) {
      throw new GradebookException(where + ": the student cell is empty.");
    }
    RowStatus status =
        RowStatus.of(record.get(1))
            .orElseThrow(
                () ->
                    new GradebookException(
                        where
                            + ": unknown status '"
                            + record.get(1)
                            + "' (graded, unusable or error)."));
    List<BigDecimal> scores = new ArrayList<>();
    for (int column = 0; column < scoreColumns.size(); column++) {
      String cell = record.get(column + 2);
      try {
        scores.add(new BigDecimal(cell.trim()));
      } catch (NumberFormatException notANumber) {
        throw new GradebookException(
            where + ", column " + scoreColumns.get(column) + ": '" + cell + "' is not a number.");
      }
    }
    return new GradebookRow(student, status, scores, record.get(header.size() - 1));
  }

  /**
   * Merges gradebooks, such as those of the shards of one class, into one.
   *
   * @param gradebooks each gradebook by the name to cite it with (a file name), in order
   * @throws GradebookException when their columns differ or a student is in more than one row
   */
  public static Gradebook merge(Map<String, Gradebook> gradebooks) throws GradebookException {
    if (gradebooks.isEmpty()) {
      throw new GradebookException("There is no gradebook to merge.");
    }
    String firstName = null;
    Gradebook first = null;
    Map<String, String> whereIs = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    List<GradebookRow> rows = new ArrayList<>();
    for (Map.Entry<String, Gradebook> entry : gradebooks.entrySet()) {
      Gradebook gradebook = entry.getValue();
      if (first == null) {
        firstName = entry.getKey();
        first = gradebook;
      } else if (!first.header().equals(gradebook.header())) {
        throw new GradebookException(
            "The gradebooks do not have the same columns, so they are not from one batch (the"
                + " same questions, tiers and policy): "
                + firstName
                + " has "
                + String.join(",", first.header())
                + " but "
                + entry.getKey()
                + " has "
                + String.join(",", gradebook.header())
                + ".");
      }
      for (GradebookRow row : gradebook.rows()) {
        String earlier = whereIs.putIfAbsent(row.student(), entry.getKey());
        if (earlier != null) {
          duplicates.add(
              "'"
                  + row.student()
                  + "' is in "
                  + (earlier.equals(entry.getKey())
                      ? earlier + " twice"
                      : earlier + " and " + entry.getKey()));
        } else {
          rows.add(row);
        }
      }
    }
    if (!duplicates.isEmpty()) {
      throw new GradebookException(
          "A student may have one row only, but "
              + String.join("; ", duplicates)
              + ". Were two gradebooks made from the same shard?");
    }
    return new Gradebook(Objects.requireNonNull(first).scoreColumns(), rows);
  }

  /** Rounds points to two decimals, halves up. */
  static BigDecimal round(double points) {
    return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP);
  }

  /** Writes points without trailing zeros: 5, 2.5, 5.33. */
  static String text(BigDecimal points) {
    return points.signum() == 0 ? "0" : points.stripTrailingZeros().toPlainString();
  }

  private interface Body {
    void print(CSVPrinter printer) throws IOException;
  }

  private static void writeAtomically(Path file, Body body) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
    try {
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
          CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
        body.print(printer);
      }
      ResultStore.moveIntoPlace(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Holds the average of every score column over the graded students.
   *
   * @param columns the score columns
   * @param graded how many students were averaged
   * @param values the averages, in column order, to two decimals; empty when no one was graded
   */
  public record Averages(List<String> columns, int graded, List<BigDecimal> values) {

    /** Copies the lists. */
    public Averages {
      columns = List.copyOf(columns);
      values = List.copyOf(values);
    }
  }
}
