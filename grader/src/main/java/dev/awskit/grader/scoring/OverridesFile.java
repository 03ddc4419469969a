package dev.awskit.grader.scoring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an overrides file: a CSV in which an instructor changes a student's score on a question
 * after grading, with a reason the student sees.
 *
 * <p>Header {@code student,question,score,reason}, in any order. {@code question} is a number
 * ({@code 7}) or a gradebook column ({@code q07}); {@code score} is a new score ({@code 7.5}) or a
 * change with its sign ({@code +2}, {@code -1.5}). The whole file is checked before anything is
 * applied: an unknown student or question, a score outside the question's range, a missing reason
 * or a second override of the same question is a {@link PolicyException} naming the line.
 */
public final class OverridesFile {

  private static final List<String> COLUMNS = List.of("student", "question", "score", "reason");
  private static final Pattern QUESTION = Pattern.compile("^[qQ]?0*(\\d{1,3})$");
  private static final Pattern SCORE = Pattern.compile("^([+-])?\\s*(\\d+(?:\\.\\d+)?)$");

  private OverridesFile() {}

  /**
   * Reads and checks an overrides file.
   *
   * @param file the file
   * @param name the file's name in error messages
   * @param students the submission names of the class
   * @param scheme the scheme the class is graded with, for the questions and their maximums
   * @return each student's overrides, by submission name
   * @throws PolicyException when the file cannot be read or a line is wrong
   */
  public static Map<String, List<ScoreOverride>> read(
      Path file, String name, Collection<String> students, GradingScheme scheme)
      throws PolicyException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();
    Map<String, List<ScoreOverride>> byStudent = new TreeMap<>();
    Map<String, Integer> seen = new HashMap<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header =
          parser.getHeaderNames().stream().map(column -> column.replace("\uFEFF", "")).toList();
      if (!header.containsAll(COLUMNS) || header.size() != COLUMNS.size()) {
        throw new PolicyException(
            name, 1, "the header must name the columns " + String.join(",", COLUMNS) + ", not "
                + String.join(",", header));
      }
      for (CSVRecord record : parser) {
        ScoreOverride override = line(name, record, header, students, scheme);
        Integer earlier = seen.putIfAbsent(override.student() + "\n" + override.question(), override.line());
        if (earlier != null) {
          throw new PolicyException(
              name, override.line(), override.student() + "'s question " + override.question()
                  + " already has an override on line " + earlier + "; keep one");
        }
        byStudent.computeIfAbsent(override.student(), id -> new ArrayList<>()).add(override);
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
      throw new PolicyException(name, 0, "cannot read the overrides file: " + unreadable.getMessage());
    }
    return byStudent;
  }

  private static ScoreOverride line(
      String name,
      CSVRecord record,
      List<String> header,
      Collection<String> students,
      GradingScheme scheme)
      throws PolicyException {
    // The header is line 1; a record with a line break inside a quoted cell is rare here.
    int line = (int) record.getRecordNumber() + 1;
    if (record.size() != header.size()) {
      throw new PolicyException(
          name, line, record.size() + " cells where the header has " + header.size());
    }
    Map<String, String> cells = new HashMap<>();
    for (int index = 0; index < header.size(); index++) {
      cells.put(header.get(index), record.get(index));
    }
    String student = cells.get("student");
    if (!students.contains(student)) {
      throw new PolicyException(
          name, line, "the class has no student '" + student + "' (a submission's name)");
    }
    Matcher question = QUESTION.matcher(cells.get("question"));
    Optional<QuestionRule> rule =
        question.matches()
            ? scheme.question(Integer.parseInt(question.group(1)))
            : Optional.empty();
    if (rule.isEmpty()) {
      throw new PolicyException(
          name, line, "'" + cells.get("question") + "' is not a question of the kit (write 7 or"
              + " q07; the kit has " + scheme.questions().size() + " questions)");
    }
    double max = rule.get().maxPoints();
    Matcher score = SCORE.matcher(cells.get("score"));
    if (!score.matches()) {
      throw new PolicyException(
          name, line, "score '" + cells.get("score") + "' is not a new score (7.5) or a change"
              + " with its sign (+2, -1.5)");
    }
    boolean delta = score.group(1) != null;
    double value = Double.parseDouble(score.group(2)) * ("-".equals(score.group(1)) ? -1 : 1);
    if (Math.abs(value) > max) {
      throw new PolicyException(
          name, line, "score " + cells.get("score") + " is out of range: question "
              + rule.get().number() + " is worth " + Numbers.plain(max) + " points"
              + (delta ? ", so a change lies between -" + Numbers.plain(max) + " and +"
                  + Numbers.plain(max) : ", so a score lies between 0 and " + Numbers.plain(max)));
    }
    String reason = cells.get("reason");
    if (reason.isEmpty()) {
      throw new PolicyException(name, line, "the reason is empty; the student sees it, so say why");
    }
    return new ScoreOverride(student, rule.get().number(), value, delta, reason, line);
  }
}
