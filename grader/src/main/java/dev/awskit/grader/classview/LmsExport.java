package dev.awskit.grader.classview;

import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.batch.StudentResult;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a class's totals as files a learning platform imports: a Canvas gradebook import CSV and a
 * Moodle grade import CSV, one row per roster student, and lists the graded submissions the roster
 * does not name in a file of their own, so that nobody is dropped without a word.
 *
 * <p>The score sent is the one that counts: the final score after overrides and the late penalty
 * when the batch applied them, the total otherwise. A roster student who handed in nothing gets
 * zero. A submission on which the grader failed
 * ({@code error}) gets an empty cell, which both platforms skip, so that no one is given a zero the
 * grader did not award; it is listed among the students to look at.
 */
public final class LmsExport {

  /** Names the Canvas gradebook import file. */
  public static final String CANVAS_FILE = "canvas-import.csv";

  /** Names the Moodle grade import file. */
  public static final String MOODLE_FILE = "moodle-import.csv";

  /** Names the file of the graded submissions the roster does not name. */
  public static final String UNMATCHED_FILE = "lms-unmatched.csv";

  private LmsExport() {}

  /**
   * Holds what an export wrote.
   *
   * @param exported how many roster students have a row
   * @param unmatched the submissions the roster does not name, with their totals in the file
   * @param withoutScore the roster students left with an empty cell: the grader failed on them
   */
  public record Outcome(int exported, List<String> unmatched, List<String> withoutScore) {

    /** Copies the lists. */
    public Outcome {
      unmatched = List.copyOf(unmatched);
      withoutScore = List.copyOf(withoutScore);
    }
  }

  /**
   * Writes the three files into {@code output}.
   *
   * @param roster the students and their identities in the platforms
   * @param results every student's result
   * @param maxScore what the total is out of
   * @param assignment the assignment's column name in the platforms
   */
  public static Outcome write(
      LmsRoster roster,
      List<StudentResult> results,
      double maxScore,
      String assignment,
      Path output)
      throws IOException {
    Map<String, StudentResult> bySubmission = new TreeMap<>();
    results.forEach(result -> bySubmission.put(result.student(), result));
    List<String> withoutScore = new ArrayList<>();
    Files.createDirectories(output);
    try (CSVPrinter canvas = printer(output.resolve(CANVAS_FILE));
        CSVPrinter moodle = printer(output.resolve(MOODLE_FILE))) {
      canvas.printRecord("Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment);
      // Canvas's own export has this row; its import reads the points possible from it.
      canvas.printRecord("Points Possible", "", "", "", "", points(maxScore));
      moodle.printRecord("Email address", "ID number", "Username", assignment);
      for (LmsRoster.Student student : roster.students()) {
        Optional<StudentResult> result =
            Optional.ofNullable(bySubmission.get(student.submission()));
        String score;
        if (result.isEmpty()) {
          score = points(0);
        } else if (result.get().status() == RowStatus.ERROR) {
          score = "";
          withoutScore.add(student.submission());
        } else {
          score = points(result.get().finalScore());
        }
        canvas.printRecord(
            student.field("name"),
            student.field("canvas_id"),
            student.field("sis_user_id"),
            student.field("sis_login_id"),
            student.field("section"),
            score);
        moodle.printRecord(
            student.field("email"),
            student.field("moodle_idnumber"),
            student.field("username"),
            score);
      }
    }
    Set<String> named = new HashSet<>();
    roster.students().forEach(student -> named.add(student.submission()));
    List<String> unmatched = new ArrayList<>();
    try (CSVPrinter file = printer(output.resolve(UNMATCHED_FILE))) {
      file.printRecord("submission", "status", "total", "reason");
      for (StudentResult result : bySubmission.values()) {
        if (!named.contains(result.student())) {
          unmatched.add(result.student());
          file.printRecord(
              result.student(),
              result.status(),
              points(result.finalScore()),
              result.reason());
        }
      }
    }
    return new Outcome(roster.students().size(), unmatched, withoutScore);
  }

  private static CSVPrinter printer(Path file) throws IOException {
    Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CSVPrinter(out, CSVFormat.DEFAULT);
  }

  private static String points(double value) {
    BigDecimal decimal =
        BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
  }
}
