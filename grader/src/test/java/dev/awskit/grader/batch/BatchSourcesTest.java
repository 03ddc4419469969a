package dev.awskit.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.report.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks what a batch grades: copies of the submissions, all taken before any code under grading
 * may run, or the submissions where they are when nothing under grading can reach them.
 */
class BatchSourcesTest {

  @TempDir Path work;

  private Path batch;
  private ResultStore store;
  private final FakeClass fake = new FakeClass();
  private final AtomicInteger copiesTaken = new AtomicInteger();
  private final String settings =
      Fingerprints.ofSettings(FakeClass.SCHEME, Set.of(ReportFormat.CONSOLE), "test");

  @BeforeEach
  void classOfFour() {
    batch = work.resolve("submissions");
    FakeClass.classOfFour(batch);
    store = new ResultStore(work.resolve("out"));
  }

  @Test
  @DisplayName("a submission cannot change a classmate's before the grader reads it")
  void everySubmissionIsCopiedBeforeAnyIsGraded() throws Exception {
    // given a grader that reads each submission it grades, and code under grading that rewrites
    // every submission in the batch folder as soon as the batch lets code run
    Map<String, List<String>> seen = new ConcurrentHashMap<>();
    SubmissionGrader reading =
        (student, folder) -> {
          seen.put(student.id(), contentOf(student.path()));
          assertThat(student.path().startsWith(batch))
              .as("whether %s is graded from the batch folder itself", student.id())
              .isFalse();
          return fake.grader.grade(student, folder);
        };
    Map<String, List<String>> before = new LinkedHashMap<>();
    for (String id : List.of("alice", "bob", "dave")) {
      before.put(id, contentOf(batch.resolve(id)));
    }
    Runnable sabotage =
        () -> {
          try (Stream<Path> files = Files.walk(batch)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
              Files.writeString(file, "overwritten by a classmate");
            }
          } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
          }
        };

    // when
    new BatchGrader(reading, store, Clock.fixed(FakeClass.NOW, ZoneOffset.UTC), 2, sabotage)
        .run(Roster.scan(batch).students(), settings, true, BatchProgress.silent());

    // then
    assertThat(seen).as("what the grader read of each submission").containsAllEntriesOf(before);
  }

  @Test
  @DisplayName("a run says once that the copies are taken")
  void aRunSaysOnceThatTheCopiesAreTaken() throws Exception {
    // when
    new BatchGrader(
            fake.grader,
            store,
            Clock.fixed(FakeClass.NOW, ZoneOffset.UTC),
            2,
            copiesTaken::incrementAndGet)
        .run(Roster.scan(batch).students(), settings, false, BatchProgress.silent());

    // then
    assertThat(copiesTaken).hasValue(1);
  }

  @Test
  @DisplayName("a batch that grades the originals grades each submission where it is")
  void theOriginalsAreGradedWhereTheyAre() throws Exception {
    // given a grader that notes where each submission it grades is
    Map<String, Path> gradedAt = new ConcurrentHashMap<>();
    SubmissionGrader noting =
        (student, folder) -> {
          gradedAt.put(student.id(), student.path());
          return fake.grader.grade(student, folder);
        };

    // when
    BatchRun run =
        new BatchGrader(
                noting,
                store,
                Clock.fixed(FakeClass.NOW, ZoneOffset.UTC),
                2,
                BatchGrader.Sources.ORIGINALS,
                copiesTaken::incrementAndGet)
            .run(Roster.scan(batch).students(), settings, false, BatchProgress.silent());

    // then
    assertThat(gradedAt)
        .containsOnly(
            Map.entry("alice", batch.resolve("alice")),
            Map.entry("bob", batch.resolve("bob")),
            Map.entry("carol", batch.resolve("carol")),
            Map.entry("dave", batch.resolve("dave")));
    assertThat(run.results())
        .extracting(StudentResult::status)
        .containsExactly(RowStatus.GRADED, RowStatus.GRADED, RowStatus.UNUSABLE, RowStatus.GRADED);
    assertThat(copiesTaken).hasValue(1);
  }

  private static List<String> contentOf(Path submission) throws IOException {
    try (Stream<Path> files = Files.walk(submission)) {
      return files.filter(Files::isRegularFile).map(BatchSourcesTest::read).sorted().toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
