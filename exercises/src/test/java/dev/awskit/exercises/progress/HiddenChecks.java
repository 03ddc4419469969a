package dev.awskit.exercises.progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the list of what the grading tests check, question by question, with the points of each
 * check: names and points only, never the tests themselves.
 *
 * <p>The list is the resource {@value #RESOURCE}, written by the instructor's tools. Each line
 * is tab-separated: {@code Q, number, tier, points} starts a question, {@code C, number, points,
 * name} is one of its checks; lines that start with {@code #} are comments.
 *
 * @param questions the questions in the order the list gives them
 */
public record HiddenChecks(List<Question> questions) {

  /** Names the resource that holds the list, on the test class path. */
  public static final String RESOURCE = "dev/awskit/exercises/progress/hidden-checks.tsv";

  /** Creates the list; it is copied. */
  public HiddenChecks {
    questions = List.copyOf(questions);
  }

  /**
   * Describes one question of the list.
   *
   * @param number the question number
   * @param tier its difficulty tier
   * @param points what it is worth
   * @param checks its checks, in the grader's order
   */
  public record Question(int number, String tier, String points, List<Check> checks) {

    /** Creates a question; the checks are copied. */
    public Question {
      checks = List.copyOf(checks);
    }
  }

  /**
   * Names one check and what it is worth.
   *
   * @param points its points, as the instructor's tools print them
   * @param name what it checks
   */
  public record Check(String points, String name) {}

  /** Returns the question with that number, if the list has it. */
  public Optional<Question> question(int number) {
    return questions.stream().filter(question -> question.number() == number).findFirst();
  }

  /** Reads the list from the test class path; an empty list when it is not there. */
  public static HiddenChecks load() {
    ClassLoader loader = HiddenChecks.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new HiddenChecks(List.of());
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Parses the list in the format described above. */
  public static HiddenChecks parse(Reader text) throws IOException {
    Map<Integer, String[]> heads = new LinkedHashMap<>();
    Map<Integer, List<Check>> checks = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(text);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", 4);
      if (fields.length != 4) {
        throw new IOException("Not a line of the hidden-check list: " + line);
      }
      int number = Integer.parseInt(fields[1]);
      switch (fields[0]) {
        case "Q" -> {
          heads.put(number, fields);
          checks.putIfAbsent(number, new ArrayList<>());
        }
        case "C" -> checks.computeIfAbsent(number, key -> new ArrayList<>())
            .add(new Check(fields[2], fields[3]));
        default -> throw new IOException("Not a line of the hidden-check list: " + line);
      }
    }
    List<Question> questions = new ArrayList<>();
    heads.forEach(
        (number, head) ->
            questions.add(new Question(number, head[2], head[3], checks.get(number))));
    return new HiddenChecks(questions);
  }
}
