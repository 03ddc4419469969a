package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.batch.BatchProgress;
import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.classview.Similarity;
import dev.awskit.grader.engine.ScratchSpace;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a batch's similarity check beside the grading, as {@code batch} does. */
class SimilarityRunTest {

  private static final Path STUBS = Path.of("..", "exercises", "src", "main", "java");
  private static final Path Q06 = Path.of("dev", "awskit", "solutions", "q06");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void comparesTheClassAsItWasWhenItsCopiesWereTakenAndDeletesThem(@TempDir Path folder)
      throws IOException {
    // given ann's and bob's question 6, the same code, and cid's untouched stubs
    Path batch = folder.resolve("class");
    for (String id : List.of("ann", "bob", "cid")) {
      Assembled.copyTree(STUBS, batch.resolve(id));
    }
    for (String id : List.of("ann", "bob")) {
      Assembled.copyTree(Graded.SOLUTION_SOURCES.resolve(Q06), batch.resolve(id).resolve(Q06));
    }
    List<StudentSubmission> students =
        Stream.of("ann", "bob", "cid")
            .map(id -> new StudentSubmission(id, List.of(batch.resolve(id))))
            .toList();
    Path work = folder.resolve("work");
    Files.createDirectories(work);

    // when the check has taken its copies, cid's folder takes ann's code; then the batch ends
    try (SimilarityRun run =
        SimilarityRun.start(students, Optional.of(STUBS), 0.5, work, folder, true)) {
      run.taken().join();
      Assembled.copyTree(Graded.SOLUTION_SOURCES.resolve(Q06), batch.resolve("cid").resolve(Q06));
      run.startingWith(BatchProgress.silent()).close();
      run.report(context(folder));
    }

    // then the check compared the class as it was when taken, and left nothing behind
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).startsWith("Similarity: 1 pairs at or above 0.5 among 3 submissions");
    assertThat(Files.readAllLines(folder.resolve(Similarity.CSV_FILE)))
        .containsExactly("first,second,similarity,maximum,questions", "ann,bob,1.000,1.000,q06");
    assertThat(work).doesNotExist();
  }

  @Test
  void aCheckThatFailsCostsOnlyItsOwnReport(@TempDir Path folder) throws IOException {
    // given base code that holds no source at all
    Path empty = Files.createDirectories(folder.resolve("no-stubs"));
    Path work = Files.createDirectories(folder.resolve("work"));

    // when
    try (SimilarityRun run =
        SimilarityRun.start(
            List.of(new StudentSubmission("ann", List.of(folder.resolve("ann")))),
            Optional.of(empty),
            0.5,
            work,
            folder,
            true)) {
      run.taken().join();
      run.startingWith(BatchProgress.silent()).close();
      run.report(context(folder));
    }

    // then
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .startsWith("The similarity check failed, the grades stand: java.io.IOException: The base")
        .contains("holds no readable .java file");
    assertThat(work).doesNotExist();
  }

  @Test
  void aCheckOfSourcesOutOfTheTestsReachWaitsForTheFirstStudent(@TempDir Path folder)
      throws IOException {
    // given a check that need not copy the sources at once
    Path work = Files.createDirectories(folder.resolve("work"));
    List<StudentSubmission> students =
        List.of(new StudentSubmission("ann", List.of(STUBS)));

    try (SimilarityRun run =
        SimilarityRun.start(students, Optional.of(STUBS), 0.5, work, folder, false)) {
      BatchProgress display = run.startingWith(BatchProgress.silent());

      // then it copies nothing before the first student is done
      assertThat(run.taken()).isNotDone();
      assertThat(work).isEmptyDirectory();

      // when
      display.finished(null, false);

      // then
      run.taken().join();
    }
    assertThat(work).doesNotExist();
  }

  @Test
  void aLargeClassIsComparedOnlyOnceTheBatchEnds(@TempDir Path folder) throws IOException {
    // given a class one larger than what is compared while it is graded
    Path work = Files.createDirectories(folder.resolve("work"));
    List<StudentSubmission> students =
        IntStream.rangeClosed(0, SimilarityRun.COMPARED_ALONGSIDE)
            .mapToObj(i -> new StudentSubmission("s" + i, List.of(folder.resolve("s" + i))))
            .toList();

    try (SimilarityRun run =
        SimilarityRun.start(students, Optional.of(STUBS), 0.5, work, folder, false)) {
      BatchProgress display = run.startingWith(BatchProgress.silent());

      // when the first student is done
      display.finished(null, false);

      // then nothing is copied yet
      assertThat(run.taken()).isNotDone();
      assertThat(work).isEmptyDirectory();

      // when the batch ends
      display.close();

      // then
      run.taken().join();
      run.report(context(folder));
    }
    assertThat(out.toString()).startsWith("Similarity: 0 pairs at or above 0.5 among 0");
  }

  @Test
  void aBatchThatEndsBeforeAnyStudentEndsItsCheckUnrun(@TempDir Path folder) throws IOException {
    // given a check waiting for the first student
    Path work = Files.createDirectories(folder.resolve("work"));
    SimilarityRun run =
        SimilarityRun.start(
            List.of(new StudentSubmission("ann", List.of(STUBS))),
            Optional.of(STUBS),
            0.5,
            work,
            folder,
            false);

    // when the batch ends first
    run.close();

    // then
    assertThat(run.taken()).isDone();
    assertThat(work).doesNotExist();
  }

  @Test
  void aCheckThatIsOffHasNothingToWaitFor(@TempDir Path folder) {
    try (SimilarityRun none = SimilarityRun.none()) {
      assertThat(none.taken()).isDone();
      none.report(context(folder));
    }
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  private Context context(Path folder) {
    return new Context(
        new PrintWriter(out),
        new PrintWriter(err),
        Clock.systemUTC(),
        folder,
        () -> {
          throw new UnsupportedOperationException("no catalog in this test");
        },
        null,
        new ScratchSpace(folder));
  }
}
