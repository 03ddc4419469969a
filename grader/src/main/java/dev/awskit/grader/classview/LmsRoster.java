package dev.awskit.grader.classview;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Maps the class's submission names to the students' identities in a learning platform, read from
 * the instructor's roster CSV.
 *
 * <p>Columns, by header name, in any order: {@code submission} (the folder's or zip's name; empty
 * for a student who handed in nothing, who is exported with zero), and as many as the platforms
 * need of {@code name}, {@code canvas_id}, {@code sis_user_id}, {@code sis_login_id}, {@code
 * section}, {@code email}, {@code moodle_idnumber}, {@code username}, and {@code submitted_at}:
 * when the submission was handed in (ISO-8601 with an offset), for a late policy.
 *
 * @param students every row, in the file's order
 */
public record LmsRoster(List<Student> students) {

  /** Names the columns a roster may have; {@code submission} is required. */
  public static final List<String> COLUMNS =
      List.of(
          "submission",
          "name",
          "canvas_id",
          "sis_user_id",
          "sis_login_id",
          "section",
          "email",
          "moodle_idnumber",
          "username",
          "submitted_at");

  /** Copies the list. */
  public LmsRoster {
    students = List.copyOf(students);
  }

  /**
   * Reads a roster, refusing one that is not what this class documents.
   *
   * @throws LmsRosterException when the file cannot be read, lacks {@code submission}, has an
   *     unknown column, or names a submission twice
   */
  public static LmsRoster read(Path file) throws LmsRosterException {
    List<Student> students = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains("submission")) {
        throw new LmsRosterException(
            file + " has no 'submission' column; its header must name the columns " + COLUMNS);
      }
      for (String column : header) {
        if (!COLUMNS.contains(column)) {
          throw new LmsRosterException(
              file + " has a column '" + column + "' the grader does not know; use " + COLUMNS);
        }
      }
      for (CSVRecord record : parser) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String column : COLUMNS) {
          fields.put(
              column, record.isMapped(column) && record.isSet(column) ? record.get(column) : "");
        }
        String submission = fields.get("submission");
        if (!submission.isEmpty() && !seen.add(submission)) {
          throw new LmsRosterException(
              file
                  + " line "
                  + record.getRecordNumber()
                  + " names submission '"
                  + submission
                  + "' a second time");
        }
        String submittedAt = fields.get("submitted_at");
        if (!submittedAt.isEmpty()) {
          try {
            OffsetDateTime.parse(submittedAt);
          } catch (DateTimeParseException notADate) {
            throw new LmsRosterException(
                file + " line " + (record.getRecordNumber() + 1) + ": submitted_at '" + submittedAt
                    + "' is not a date and time with an offset, like 2026-03-02T23:59:00+01:00");
          }
        }
        students.add(new Student(fields));
      }
    } catch (IOException | RuntimeException unreadable) {
      throw new LmsRosterException(
          "Cannot read the roster " + file + ": " + unreadable.getMessage());
    }
    return new LmsRoster(students);
  }

  /** Returns the submissions the roster names that are not among {@code known}, sorted. */
  public Set<String> unknown(Collection<String> known) {
    Set<String> unknown = new TreeSet<>();
    for (Student student : students) {
      if (!student.submission().isEmpty() && !known.contains(student.submission())) {
        unknown.add(student.submission());
      }
    }
    return unknown;
  }

  /** Returns when each submission was handed in, by submission name, for those the roster dates. */
  public Map<String, Instant> submissionTimes() {
    Map<String, Instant> times = new LinkedHashMap<>();
    for (Student student : students) {
      String at = student.field("submitted_at");
      if (!student.submission().isEmpty() && !at.isEmpty()) {
        times.put(student.submission(), OffsetDateTime.parse(at).toInstant());
      }
    }
    return times;
  }

  /**
   * Holds one roster row.
   *
   * @param fields the row's value of every column of {@link #COLUMNS}, empty when not given
   */
  public record Student(Map<String, String> fields) {

    /** Copies the map. */
    public Student {
      fields = Map.copyOf(fields);
    }

    /** Returns the submission's name; empty for a student who handed in nothing. */
    public String submission() {
      return field("submission");
    }

    /** Returns a column's value, empty when not given. */
    public String field(String column) {
      return fields.getOrDefault(column, "");
    }
  }
}
