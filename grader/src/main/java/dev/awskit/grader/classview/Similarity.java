package dev.awskit.grader.classview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Holds the outcome of a similarity check of a class, and keeps it beside the gradebook: {@code
 * similarity.csv} for the instructor, {@code similarity.json} for rebuilding the class report.
 *
 * @param threshold the similarity from which a pair is listed, 0 to 1
 * @param compared how many submissions JPlag compared
 * @param baseCode the base code left out of every comparison, in words; empty when none
 * @param pairs the pairs at or above the threshold, most similar first
 * @param notCompared the students left out, each with why
 */
public record Similarity(
    double threshold,
    int compared,
    String baseCode,
    List<SimilarPair> pairs,
    List<String> notCompared) {

  /** Names the CSV file of the pairs. */
  public static final String CSV_FILE = "similarity.csv";

  /** Names the file the class report reads the check from. */
  public static final String JSON_FILE = "similarity.json";

  /** Copies the lists. */
  public Similarity {
    pairs = List.copyOf(pairs);
    notCompared = List.copyOf(notCompared);
  }

  /** Writes {@code similarity.csv} and {@code similarity.json} into the output folder. */
  public void write(Path output) throws IOException {
    Files.createDirectories(output);
    try (Writer out = Files.newBufferedWriter(output.resolve(CSV_FILE), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord("first", "second", "similarity", "maximum", "questions");
      for (SimilarPair pair : pairs) {
        csv.printRecord(
            pair.first(),
            pair.second(),
            String.format(Locale.ROOT, "%.3f", pair.similarity()),
            String.format(Locale.ROOT, "%.3f", pair.maximum()),
            pair.questions().stream()
                .map(number -> String.format("q%02d", number))
                .collect(Collectors.joining(" ")));
      }
    }
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(output.resolve(JSON_FILE).toFile(), this);
  }

  /**
   * Reads the check a batch kept in the output folder; empty when there is none or it is damaged.
   */
  public static Optional<Similarity> read(Path output) {
    Path file = output.resolve(JSON_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ObjectMapper().readValue(file.toFile(), Similarity.class));
    } catch (IOException | RuntimeException damaged) {
      return Optional.empty();
    }
  }
}
