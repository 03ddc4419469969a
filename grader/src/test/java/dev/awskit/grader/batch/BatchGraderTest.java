package dev.awskit.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.report.ReportFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Grades fake classes to check what the batch keeps, redoes and reports, without the engine. */
class BatchGraderTest {

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

  /** Returns a batch grader that counts how often it says the copies are taken. */
  private BatchGrader batchGrader(SubmissionGrader grader, int jobs) {
    return new BatchGrader(
        grader,
        store,
        Clock.fixed(FakeClass.NOW, ZoneOffset.UTC),
        jobs,
        copiesTaken::incrementAndGet);
  }

  private BatchRun run(boolean force, int jobs) throws Exception {
    BatchGrader grader =
        batchGrader(fake.grader, jobs);
    return grader.run(Roster.scan(batch).students(), settings, force, BatchProgress.silent());
  }

  @Test
  void aReasonNamesTheStudentsSubmissionNotThePrivateCopyGradedInItsPlace() throws Exception {
    // given the intake names the folder it was given
    FakeClass.write(batch.resolve("carol").resolve("unusable.txt"), "where");

    // when
    BatchRun run = run(false, 1);

    // then
    assertThat(run.results().get(2).reason())
        .isEqualTo("no Java source in " + batch.resolve("carol"));
    assertThat(store.folderOf("carol").resolve(BatchGrader.UNUSABLE_FILE))
        .content()
        .contains("no Java source in " + batch.resolve("carol"));
  }

  @Test
  void gradesEveryStudentAndAnUnusableSubmissionGetsAZeroRowWithItsReason() throws Exception {
    // when
    BatchRun run = run(false, 2);

    // then
    assertThat(run.results())
        .extracting(StudentResult::student)
        .containsExactly("alice", "bob", "carol", "dave");
    assertThat(run.results())
        .extracting(StudentResult::status)
        .containsExactly(RowStatus.GRADED, RowStatus.GRADED, RowStatus.UNUSABLE, RowStatus.GRADED);
    assertThat(run.results().get(0).scores())
        .containsEntry("q01", 5.0)
        .containsEntry("easy", 10.0)
        .containsEntry("hard", 10.0)
        .containsEntry("total", 20.0);
    StudentResult carol = run.results().get(2);
    assertThat(carol.reason()).isEqualTo("no Java source in carol");
    assertThat(carol.score("total")).isZero();
    assertThat(store.folderOf("carol").resolve(BatchGrader.UNUSABLE_FILE))
        .content()
        .contains("no Java source in carol");
    assertThat(store.folderOf("alice").resolve("report.txt")).exists();
    assertThat(run.graded()).isEqualTo(4);
    assertThat(run.kept()).isZero();
  }

  @Test
  void aRerunKeepsTheStudentsAlreadyDoneAndGradesNobodyAgain() throws Exception {
    // given
    run(false, 2);
    int firstRun = fake.calls();

    // when
    BatchRun again = run(false, 2);

    // then
    assertThat(firstRun).isEqualTo(4);
    assertThat(fake.calls()).as("gradings after the re-run").isEqualTo(firstRun);
    assertThat(again.kept()).isEqualTo(4);
    assertThat(again.results())
        .extracting(result -> result.score("total"))
        .containsExactly(20.0, 6.5, 0.0, 5.0);
  }

  @Test
  void aChangedSubmissionIsGradedAgainAndOnlyThatOne() throws Exception {
    // given
    run(false, 1);
    FakeClass.student(batch, "bob", 1, 5, 2, 5, 3, 10);

    // when
    BatchRun again = run(false, 1);

    // then
    assertThat(fake.callsOf("bob")).isEqualTo(2);
    assertThat(fake.calls()).isEqualTo(5);
    assertThat(again.results().get(1).score("total")).isEqualTo(20.0);
  }

  @Test
  void aNewFileInASubmissionFolderCountsAsAChange() throws Exception {
    // given
    run(false, 1);
    FakeClass.write(batch.resolve("dave").resolve("src").resolve("Extra.java"), "class Extra {}");
    FakeClass.write(
        batch.resolve("alice").resolve(".git").resolve("HEAD"), "hidden files do not count");

    // when
    run(false, 1);

    // then
    assertThat(fake.callsOf("dave")).isEqualTo(2);
    assertThat(fake.callsOf("alice")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(BatchGrader.Sources.class)
  @DisplayName("a submission folder that is a link counts by what it holds, copied or not")
  void aSubmissionFolderBehindALinkIsGradedAgainWhenWhatItHoldsChanges(BatchGrader.Sources sources)
      throws Exception {
    // given a student whose folder in the batch is a link to where the files are, graded once
    Path elsewhere = work.resolve("elsewhere");
    FakeClass.student(elsewhere, "erin", 1, 5);
    Files.createSymbolicLink(batch.resolve("erin"), elsewhere.resolve("erin"));
    BatchGrader grader =
        new BatchGrader(
            fake.grader, store, Clock.fixed(FakeClass.NOW, ZoneOffset.UTC), 1, sources, () -> {});
    grader.run(Roster.scan(batch).students(), settings, false, BatchProgress.silent());

    // when the files change where the link leads
    FakeClass.student(elsewhere, "erin", 1, 5, 2, 5);
    BatchRun again =
        grader.run(Roster.scan(batch).students(), settings, false, BatchProgress.silent());

    // then
    assertThat(fake.callsOf("erin")).as("how often erin was graded").isEqualTo(2);
    assertThat(again.results().get(4).score("total")).isEqualTo(10.0);
  }

  @Test
  void changedSettingsGradeEveryoneAgain() throws Exception {
    // given
    run(false, 1);
    BatchGrader grader =
        batchGrader(fake.grader, 1);
    String otherFormats =
        Fingerprints.ofSettings(FakeClass.SCHEME, Set.of(ReportFormat.JSON), "test");

    // when
    BatchRun again =
        grader.run(Roster.scan(batch).students(), otherFormats, false, BatchProgress.silent());

    // then
    assertThat(again.kept()).isZero();
    assertThat(fake.calls()).isEqualTo(8);
  }

  @Test
  void forceGradesEveryoneAgain() throws Exception {
    // given
    run(false, 2);

    // when
    BatchRun again = run(true, 2);

    // then
    assertThat(fake.calls()).isEqualTo(8);
    assertThat(again.kept()).isZero();
  }

  @Test
  void aGraderFailureCostsOneRowIsNotRecordedAndIsRetriedByTheNextRun() throws Exception {
    // given
    FakeClass.write(batch.resolve("bob").resolve("crash.txt"), "");

    // when
    BatchRun first = run(false, 2);
    BatchRun second = run(false, 2);

    // then
    assertThat(first.results())
        .extracting(StudentResult::status)
        .containsExactly(RowStatus.GRADED, RowStatus.ERROR, RowStatus.UNUSABLE, RowStatus.GRADED);
    assertThat(first.results().get(1).reason()).contains("the grader failed", "boom in the grader");
    assertThat(store.read("bob")).isEmpty();
    assertThat(fake.callsOf("bob")).as("bob is graded by each run").isEqualTo(2);
    assertThat(fake.callsOf("alice")).isEqualTo(1);
    assertThat(second.kept()).isEqualTo(3);
  }

  @Test
  void aStudentWhoseRunWasInterruptedIsGradedAgainAndTheOthersAreKept() throws Exception {
    // given: a first run, then bob's result lost as if the batch had stopped while grading him
    run(false, 1);
    Files.delete(store.folderOf("bob").resolve(ResultStore.RESULT_FILE));

    // when
    BatchRun again = run(false, 1);

    // then
    assertThat(fake.callsOf("bob")).isEqualTo(2);
    assertThat(again.kept()).isEqualTo(3);
    try (Stream<Path> files = Files.walk(store.output())) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .as("no temporary file is left behind")
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void aDamagedResultFileOnlyCostsGradingTheStudentAgain() throws Exception {
    // given
    run(false, 1);
    Files.writeString(store.folderOf("alice").resolve(ResultStore.RESULT_FILE), "{ not json");

    // when
    run(false, 1);

    // then
    assertThat(fake.callsOf("alice")).isEqualTo(2);
    assertThat(store.read("alice"))
        .get()
        .extracting(StudentResult::status)
        .isEqualTo(RowStatus.GRADED);
  }

  @Test
  void twoSubmissionsWithOneIdAreUnusableAndTheRestIsGraded() throws Exception {
    // given
    Files.write(batch.resolve("alice.zip"), new byte[] {1, 2, 3});

    // when
    BatchRun run = run(false, 2);

    // then
    assertThat(run.results().get(0).status()).isEqualTo(RowStatus.UNUSABLE);
    assertThat(run.results().get(0).reason()).contains("alice", "alice.zip", "keep one");
    assertThat(fake.callsOf("alice")).isZero();
    assertThat(run.count(RowStatus.GRADED)).isEqualTo(2);
  }

  @Test
  void gradingAgainRemovesTheReportsOfTheEarlierGrade() throws Exception {
    // given
    run(false, 1);
    Path staleJson = store.folderOf("alice").resolve(ReportFormat.JSON.fileName());
    Files.writeString(staleJson, "{}");

    // when
    run(true, 1);

    // then
    assertThat(staleJson).doesNotExist();
    assertThat(store.folderOf("alice").resolve("report.txt")).exists();
  }

  @Test
  void theGradebookOfARunHasARowPerStudentAndAveragesOverTheGradedOnes() throws Exception {
    // when
    Gradebook gradebook = Gradebook.of(FakeClass.LAYOUT, run(false, 2).results());

    // then
    assertThat(gradebook.header())
        .containsExactly(
            "student", "status", "q01", "q02", "q03", "easy", "hard", "total", "reason");
    assertThat(gradebook.rows()).hasSize(4);
    Gradebook.Averages averages = gradebook.averages();
    assertThat(averages.graded()).isEqualTo(3);
    // q01: (5 + 2.5 + 0) / 3, total: (20 + 6.5 + 5) / 3
    assertThat(averages.values())
        .extracting(Gradebook::text)
        .containsExactly("2.5", "3.33", "4.67", "5.83", "4.67", "10.5");
    assertThat(gradebook.rows().get(2).reason()).isEqualTo("no Java source in carol");
  }

  @Test
  void theShardsGradebooksMergeIntoTheGradebookOfTheWholeClass() throws Exception {
    // given
    List<StudentSubmission> students = Roster.scan(batch).students();
    BatchGrader grader =
        batchGrader(fake.grader, 1);
    Gradebook whole =
        Gradebook.of(
            FakeClass.LAYOUT,
            grader.run(students, settings, false, BatchProgress.silent()).results());
    Map<String, Gradebook> shards = new LinkedHashMap<>();
    for (int index = 1; index <= 3; index++) {
      Shard shard = new Shard(index, 3);
      BatchRun run = grader.run(shard.select(students), settings, false, BatchProgress.silent());
      Path file = work.resolve("gradebook-shard-" + index + "-of-3.csv");
      Gradebook.of(FakeClass.LAYOUT, run.results()).write(file);
      shards.put(file.toString(), Gradebook.read(file));
    }

    // when
    Gradebook merged = Gradebook.merge(shards);

    // then
    assertThat(merged).isEqualTo(whole);
    assertThat(merged.averages()).isEqualTo(whole.averages());
    assertThat(fake.calls()).as("the shards reuse the whole run's results").isEqualTo(4);
  }

  @Test
  void progressShowsALinePerStudent() throws Exception {
    // given
    StringWriter text = new StringWriter();
    BatchGrader grader =
        batchGrader(fake.grader, 1);

    // when
    grader.run(
        Roster.scan(batch).students(),
        settings,
        false,
        new LineProgress(new PrintWriter(text), FakeClass.SCHEME.maxScore()));

    // then
    assertThat(text.toString().lines())
        .containsExactly(
            "[1/4] alice: graded, 20 / 20",
            "[2/4] bob: graded, 6.5 / 20",
            "[3/4] carol: unusable: no Java source in carol",
            "[4/4] dave: graded, 5 / 20");
  }
}
