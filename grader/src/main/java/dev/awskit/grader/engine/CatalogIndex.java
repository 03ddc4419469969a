package dev.awskit.grader.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the kit's catalog among the grader's classes at build time and reads it back when a
 * grader starts, so that no grader scans its class path and has JUnit discover the hidden tests
 * first: that took about a quarter of a second of a cold grade's first half second, before any
 * submission could be compiled (docs/performance/where-the-time-goes-2026-12-05-late.md, "A
 * batch's first half second").
 *
 * <p>The build runs {@link #main} on the compiled classes (grader/pom.xml, phase {@code
 * process-classes}), so the index ships inside the jar beside the hidden tests it describes and is
 * as trusted as they are; {@code CatalogIndexTest} checks that it says what a scan finds. One line
 * per question, then one per hidden test, fields separated by tabs.
 */
final class CatalogIndex {

  /** Names the resource the index is written to, beside this class. */
  static final String RESOURCE = "dev/awskit/grader/engine/catalog-index.tsv";

  private static final String HEADER = "# awskit-grader catalog index, version 1";
  private static final String QUESTION = "question";
  private static final String TEST = "test";

  private CatalogIndex() {}

  /**
   * Writes the index of the kit's catalog, as a scan of the class path finds it, into the classes
   * folder {@code args[0]}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("Usage: CatalogIndex CLASSES_FOLDER");
    }
    Path index = Path.of(args[0]).resolve(RESOURCE);
    Files.createDirectories(index.getParent());
    try (Writer out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
      write(Catalog.scanKit(), out);
    }
  }

  /**
   * Writes {@code catalog} to {@code out}.
   *
   * @throws IllegalStateException when a title or test name holds a tab or a line break
   */
  static void write(Catalog catalog, Writer out) throws IOException {
    out.write(HEADER + "\n");
    for (Question question : catalog.questions()) {
      line(
          out,
          QUESTION,
          String.valueOf(question.number()),
          question.title(),
          question.contract(),
          question.implementation(),
          String.join(",", question.constructorTypes()));
    }
    for (HiddenTest test : catalog.tests()) {
      line(
          out,
          TEST,
          String.valueOf(test.question()),
          test.className(),
          test.methodName(),
          String.valueOf(test.points()),
          test.displayName());
    }
  }

  /**
   * Returns the catalog the index among {@code loader}'s resources holds, or empty when it holds
   * none.
   *
   * @throws IllegalStateException when the index is there but not one this grader wrote
   */
  static Optional<Catalog> read(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return Optional.of(parse(lines));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(
          "Cannot read the grader's catalog index " + RESOURCE, unreadable);
    }
  }

  private static Catalog parse(BufferedReader lines) throws IOException {
    String header = lines.readLine();
    if (!HEADER.equals(header)) {
      throw broken(1, "it does not start with \"" + HEADER + "\"");
    }
    Map<Integer, String[]> questions = new LinkedHashMap<>();
    Map<Integer, List<HiddenTest>> tests = new LinkedHashMap<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      String[] fields = line.split("\t", -1);
      if (fields.length == 6 && fields[0].equals(QUESTION)) {
        questions.put(integer(fields[1], number), fields);
      } else if (fields.length == 6 && fields[0].equals(TEST)) {
        int question = integer(fields[1], number);
        tests
            .computeIfAbsent(question, key -> new ArrayList<>())
            .add(
                new HiddenTest(
                    HiddenTest.idOf(fields[2], fields[3]),
                    question,
                    fields[2],
                    fields[3],
                    fields[5],
                    integer(fields[4], number)));
      } else {
        throw broken(number, "it is neither a question nor a test of six fields");
      }
    }
    List<Question> catalog = new ArrayList<>();
    questions.forEach(
        (question, fields) ->
            catalog.add(
                new Question(
                    question,
                    fields[2],
                    fields[3],
                    fields[4],
                    fields[5].isEmpty() ? List.of() : Arrays.asList(fields[5].split(",")),
                    tests.getOrDefault(question, List.of()))));
    return new Catalog(catalog);
  }

  private static void line(Writer out, String... fields) throws IOException {
    for (String field : fields) {
      if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
        throw new IllegalStateException(
            "The catalog index cannot hold \"" + field + "\": a title or test name may not hold a"
                + " tab or a line break");
      }
    }
    out.write(String.join("\t", fields) + "\n");
  }

  private static int integer(String field, int line) {
    try {
      return Integer.parseInt(field);
    } catch (NumberFormatException notANumber) {
      throw broken(line, "\"" + field + "\" is not a number");
    }
  }

  private static IllegalStateException broken(int line, String why) {
    return new IllegalStateException(
        "The grader's catalog index "
            + RESOURCE
            + " is broken at line "
            + line
            + ": "
            + why
            + ". Rebuild the grader.");
  }
}
