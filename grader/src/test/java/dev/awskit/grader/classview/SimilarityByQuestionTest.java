package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the similarity check compares each question's files apart and combines them by
 * tokens. Every student hands in the stubs (the base code) with some questions solved by the
 * reference: ann question 6; fay questions 6 and 12; gus questions 6 and 12, question 12 with a
 * syntax error; hal question 4; ivy question 4 and question 6 with names changed and comments
 * dropped; kim question 6 with a statement of her own in three methods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarityByQuestionTest {

  private static final Path STUBS = Path.of("..", "exercises", "src", "main", "java");
  private static final Path SOLUTIONS = Path.of("dev", "awskit", "solutions");

  // Low enough that the pairs sharing one question of two are listed whatever the questions' sizes.
  private static final double THRESHOLD = 0.3;

  private Similarity similarity;

  @BeforeAll
  void checkTheClass(@TempDir Path folder) throws IOException {
    Path batch = folder.resolve("class");
    solve(batch.resolve("ann"), "q06");
    solve(batch.resolve("fay"), "q06", "q12");
    solve(batch.resolve("gus"), "q06", "q12");
    append(batch.resolve("gus").resolve(SOLUTIONS.resolve("q12/S3EventProcessor.java")));
    solve(batch.resolve("hal"), "q04");
    solve(batch.resolve("ivy"), "q04", "q06");
    disguise(batch.resolve("ivy").resolve(SOLUTIONS.resolve("q06/DynamoDbManager.java")));
    solve(batch.resolve("kim"), "q06");
    addOwnStatements(batch.resolve("kim").resolve(SOLUTIONS.resolve("q06/DynamoDbManager.java")));
    List<StudentSubmission> students =
        Stream.of("ann", "fay", "gus", "hal", "ivy", "kim")
            .map(id -> StudentSubmission.of(id, batch.resolve(id)))
            .toList();

    similarity = SimilarityCheck.run(students, Optional.of(STUBS), THRESHOLD, folder.resolve("w"));
  }

  @Test
  void namesOnlyTheQuestionsBothWroteAlike() {
    // then fay's question 12 is hers alone, so only question 6 holds shared code
    assertThat(pair("ann", "fay").questions()).containsExactly(6);
    assertThat(pair("ann", "ivy").questions()).containsExactly(6);
    assertThat(pair("hal", "ivy").questions()).containsExactly(4);
  }

  @Test
  void countsAQuestionOnlyOneWroteAsUnmatchedCode() {
    // then all of ann's code is in fay's, but fay's question 12 is not in ann's
    SimilarPair annFay = pair("ann", "fay");
    assertThat(annFay.maximum()).isEqualTo(1.0);
    assertThat(annFay.similarity()).isLessThan(1.0);
  }

  @Test
  void weighsTheQuestionsByTheirTokens() {
    // given ivy wrote question 6 as ann did (x tokens) and question 4 as hal did (y tokens), so
    // ann and ivy match 2x of 2x + y tokens, hal and ivy 2y of 2y + x
    double annIvy = pair("ann", "ivy").similarity();
    double halIvy = pair("hal", "ivy").similarity();

    // when y / x is read from the first
    double ratio = 2 * (1 - annIvy) / annIvy;

    // then it gives the second
    assertThat(halIvy).isCloseTo(2 * ratio / (2 * ratio + 1), within(1e-9));
    assertThat(pair("ann", "ivy").maximum()).isEqualTo(1.0);
    assertThat(pair("hal", "ivy").maximum()).isEqualTo(1.0);
  }

  @Test
  void listsNoPairWithoutSharedCode() {
    assertThat(similarity.pairs())
        .noneMatch(pair -> pair.first().equals("ann") && pair.second().equals("hal"));
  }

  @Test
  void findsCodeWithStatementsAdded() {
    SimilarPair annKim = pair("ann", "kim");
    assertThat(annKim.similarity())
        .isGreaterThan(SimilarityCheck.DEFAULT_THRESHOLD)
        .isLessThan(1.0);
    assertThat(annKim.questions()).containsExactly(6);
  }

  @Test
  void comparesTheQuestionsJPlagCouldParseAndSaysWhichItCouldNot() {
    // then gus's question 12 is left out, and his question 6 is ann's
    assertThat(similarity.notCompared())
        .containsExactly(
            "gus: question 12 not compared: JPlag could not parse "
                + Path.of("dev", "awskit", "solutions", "q12", "S3EventProcessor.java")
                + " (its grade report shows the compiler's errors); the other questions were"
                + " compared");
    assertThat(pair("ann", "gus").similarity()).isEqualTo(1.0);
    assertThat(pair("fay", "gus").similarity()).isEqualTo(pair("ann", "fay").similarity());
  }

  private SimilarPair pair(String first, String second) {
    return similarity.pairs().stream()
        .filter(pair -> pair.first().equals(first) && pair.second().equals(second))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no pair " + first + ", " + second + ": " + similarity));
  }

  /** Copies the stubs and the reference solution of the questions into a student's folder. */
  private static void solve(Path student, String... questions) throws IOException {
    copy(STUBS, student);
    for (String question : questions) {
      copy(Graded.SOLUTION_SOURCES.resolve(SOLUTIONS.resolve(question)),
          student.resolve(SOLUTIONS.resolve(question)));
    }
  }

  private static void append(Path file) throws IOException {
    Files.writeString(file, Files.readString(file) + "\n this does not compile\n");
  }

  /** Renames the variables and drops the comments, as a student hiding a copy would. */
  private static void disguise(Path file) throws IOException {
    String source = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        source
            .replaceAll("(?s)/\\*.*?\\*/", "")
            .replaceAll("//[^\\n]*", "")
            .replace("request", "req")
            .replace("response", "resp"),
        StandardCharsets.UTF_8);
  }

  /** Adds a statement after each check of an argument: three in question 6. */
  private static void addOwnStatements(Path file) throws IOException {
    String source = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        source.replaceAll(
            "(requireNotEmpty\\((?:item|key), \"(?:item|key)\"\\);)",
            "$1\n    long checkedAt = System.nanoTime();"),
        StandardCharsets.UTF_8);
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> tree = Files.walk(source)) {
      for (Path path : tree.toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
