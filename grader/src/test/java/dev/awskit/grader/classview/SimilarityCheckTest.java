package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the similarity check on a small class: ann wrote question 6, bob handed in ann's code with
 * names changed and comments dropped, eve handed in ann's files as they are, cid and dee handed in
 * the untouched stubs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarityCheckTest {

  private static final Path STUBS = Path.of("..", "exercises", "src", "main", "java");
  private static final Path Q06 = Path.of("dev", "awskit", "solutions", "q06");

  private Similarity similarity;
  private Similarity withoutBaseCode;

  @BeforeAll
  void checkTheClass(@TempDir Path folder) throws IOException {
    Path batch = folder.resolve("class");
    copy(STUBS, batch.resolve("ann"));
    copy(Graded.SOLUTION_SOURCES.resolve(Q06), batch.resolve("ann").resolve(Q06));
    copy(STUBS, batch.resolve("bob"));
    copy(Graded.SOLUTION_SOURCES.resolve(Q06), batch.resolve("bob").resolve(Q06));
    disguise(batch.resolve("bob").resolve(Q06));
    copy(batch.resolve("ann"), batch.resolve("eve"));
    copy(STUBS, batch.resolve("cid"));
    copy(STUBS, batch.resolve("dee"));
    List<StudentSubmission> students =
        Stream.of("ann", "bob", "cid", "dee", "eve")
            .map(id -> new StudentSubmission(id, List.of(batch.resolve(id))))
            .toList();

    similarity =
        SimilarityCheck.run(
            students,
            Optional.of(STUBS),
            SimilarityCheck.DEFAULT_THRESHOLD,
            folder.resolve("work"));
    withoutBaseCode =
        SimilarityCheck.run(
            students, Optional.empty(), SimilarityCheck.DEFAULT_THRESHOLD, folder.resolve("plain"));
  }

  @Test
  void findsThePlantedPairInTheQuestionItWasPlantedIn() {
    SimilarPair planted = pair("ann", "bob");
    assertThat(planted.similarity()).isGreaterThan(SimilarityCheck.DEFAULT_THRESHOLD);
    assertThat(planted.questions()).containsExactly(6);
    assertThat(pair("bob", "eve").similarity()).isEqualTo(planted.similarity());
  }

  @Test
  void seesThroughRenamedVariablesAndDroppedComments() {
    // then bob's question 6 is ann's token for token: the same stream, compared once
    assertThat(pair("ann", "bob").similarity()).isEqualTo(1.0);
    assertThat(pair("ann", "bob").maximum()).isEqualTo(1.0);
  }

  @Test
  void findsAnIdenticalCopyWithoutComparingItTwice() {
    SimilarPair copy = pair("ann", "eve");
    assertThat(copy.similarity()).isEqualTo(1.0);
    assertThat(copy.maximum()).isEqualTo(1.0);
    assertThat(copy.questions()).containsExactly(6);
  }

  private SimilarPair pair(String first, String second) {
    return similarity.pairs().stream()
        .filter(pair -> pair.first().equals(first) && pair.second().equals(second))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no pair " + first + ", " + second + ": " + similarity));
  }

  @Test
  void doesNotCountTheStubSkeleton() {
    // then the two untouched stubs are no pair, nor is anyone with them
    assertThat(similarity.pairs())
        .extracting(pair -> pair.first() + "+" + pair.second())
        .containsExactlyInAnyOrder("ann+eve", "ann+bob", "bob+eve");
    assertThat(similarity.baseCode()).isEqualTo(STUBS.toString());
    // though without the base code the skeleton alone makes them one
    assertThat(withoutBaseCode.pairs())
        .anySatisfy(
            pair -> assertThat(List.of(pair.first(), pair.second())).containsExactly("cid", "dee"));
  }

  @Test
  void keepsItsResultBesideTheGradebook(@TempDir Path output) throws IOException {
    // when
    similarity.write(output);

    // then
    assertThat(Files.readAllLines(output.resolve(Similarity.CSV_FILE)))
        .containsExactly(
            "first,second,similarity,maximum,questions",
            "ann,bob,1.000,1.000,q06",
            "ann,eve,1.000,1.000,q06",
            "bob,eve,1.000,1.000,q06");
    assertThat(Similarity.read(output)).contains(similarity);
  }

  @Test
  void comparesTheSourcesAsTheyWereWhenTaken(@TempDir Path folder) throws IOException {
    // given ann's question 6 and cid's untouched stubs, taken in
    Path batch = folder.resolve("class");
    copy(STUBS, batch.resolve("ann"));
    copy(Graded.SOLUTION_SOURCES.resolve(Q06), batch.resolve("ann").resolve(Q06));
    copy(STUBS, batch.resolve("cid"));
    List<StudentSubmission> students =
        Stream.of("ann", "cid")
            .map(id -> new StudentSubmission(id, List.of(batch.resolve(id))))
            .toList();
    SimilarityCheck.Taken taken =
        SimilarityCheck.take(students, Optional.of(STUBS), folder.resolve("work"));

    // when cid's folder takes ann's question 6 before the comparison
    copy(Graded.SOLUTION_SOURCES.resolve(Q06), batch.resolve("cid").resolve(Q06));
    Similarity compared = taken.compare(SimilarityCheck.DEFAULT_THRESHOLD);

    // then the comparison saw cid's folder as it was taken, and a new check sees the copy
    assertThat(compared.pairs()).isEmpty();
    assertThat(
            SimilarityCheck.run(
                    students,
                    Optional.of(STUBS),
                    SimilarityCheck.DEFAULT_THRESHOLD,
                    folder.resolve("again"))
                .pairs())
        .singleElement()
        .satisfies(pair -> assertThat(pair.similarity()).isEqualTo(1.0));
  }

  /** Renames the variables and drops the comments, as a student hiding a copy would. */
  private static void disguise(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        String disguised =
            source
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\\n]*", "")
                .replace("request", "req")
                .replace("response", "resp")
                .replace("items", "rows")
                .replace("tableName", "table");
        Files.writeString(file, disguised, StandardCharsets.UTF_8);
      }
    }
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> tree = Files.walk(source)) {
      for (Path path : tree.toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(path, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
