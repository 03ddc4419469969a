package dev.awskit.grader.cli;

import static dev.awskit.grader.testing.GradebookRows.points;
import static dev.awskit.grader.testing.GradebookRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.batch.Gradebook;
import dev.awskit.grader.batch.GradebookRow;
import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.intake.TestZips;
import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.testing.HeadlessChromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades a small class with the real engine, as an instructor would from the command line: the
 * reference, the untouched stubs, one wrong question, a folder without sources, a zip with a
 * compile error. The tests run in order and share the class, graded once (a grading costs seconds):
 * later tests re-run the batch and count, through the run step, how many submissions it graded
 * again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class BatchCommandTest {

  private static final String ODD_ID = "dave, o'neil";

  private Path work;

  private final AtomicInteger gradings = new AtomicInteger();
  private final List<Boolean> freshWorkerAsked = new CopyOnWriteArrayList<>();
  private final SubmissionRunner inProcess = SubmissionRunner.inProcess();
  private final SubmissionRunner counting =
      (request, events) -> {
        gradings.incrementAndGet();
        freshWorkerAsked.add(request.freshWorker());
        inProcess.run(request, events);
      };

  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    GraderCli cli =
        new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            counting,
            Graded::catalog);
    return cli.execute(args);
  }

  @BeforeAll
  void aClassOfFiveAndALooseFile(@TempDir Path sharedByTheClass) throws IOException {
    work = sharedByTheClass;
    Path batch = work.resolve("class");
    Assembled.reference(batch.resolve("alice"));
    Assembled.copyTree(Path.of("..", "exercises", "src", "main", "java"), batch.resolve("bob"));
    Assembled.referenceWith(
        Path.of("src", "test", "resources", "faulty", "q06", "first-page-only"),
        6,
        batch.resolve("carol"));
    Files.createDirectories(batch.resolve(ODD_ID));
    Files.writeString(batch.resolve(ODD_ID).resolve("README.txt"), "I forgot my code");
    Path erin = Assembled.reference(work.resolve("erin-sources"));
    Files.writeString(
        erin.resolve("dev/awskit/solutions/q01/ClientStylesExplainer.java"),
        "package dev.awskit.solutions.q01;\npublic class ClientStylesExplainer { oops }\n");
    TestZips.ofFolder(erin).writeTo(batch.resolve("erin.zip"));
    Files.writeString(batch.resolve("Stray.java"), "class Stray {}");
    Files.createDirectories(batch.resolve(".hidden"));
  }

  @Test
  @Order(0)
  void everySubmissionGetsAFreshWorkerUnlessWorkersMayBeReused() {
    // when
    run("batch", "class", "-o", "out-fresh", "--jobs", "2", "--progress", "none");
    List<Boolean> byDefault = List.copyOf(freshWorkerAsked);
    String warnedByDefault = err.toString();
    freshWorkerAsked.clear();
    run("batch", "class", "-o", "out-fresh", "--force", "--reuse-workers", "--progress", "none");

    // then
    assertThat(byDefault)
        .as("fresh workers asked for without --reuse-workers")
        .hasSize(4)
        .containsOnly(true);
    assertThat(freshWorkerAsked)
        .as("fresh workers asked for with --reuse-workers")
        .hasSize(4)
        .containsOnly(false);
    assertThat(warnedByDefault).doesNotContain(BatchCommand.REUSE_WARNING);
    assertThat(err.toString()).contains(BatchCommand.REUSE_WARNING);
    gradings.set(0);
  }

  @Test
  @Order(1)
  void gradesTheClassIntoAGradebookAReportFolderPerStudentAndAverages() throws Exception {
    // when
    int exit = run("batch", "class", "-o", "out", "--jobs", "2", "--progress", "lines");

    // then
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(gradings).as("the unusable folder is never run").hasValue(4);
    Gradebook book = read(work.resolve("out/gradebook.csv"));
    assertThat(ids(book)).containsExactly("alice", "bob", "carol", ODD_ID, "erin");
    assertThat(points(book, "alice", "total")).isEqualTo(100);
    assertThat(points(book, "bob", "total")).isZero();
    assertThat(row(book, "bob").status()).isEqualTo(RowStatus.GRADED);
    assertThat(points(book, "carol", "q06")).isLessThan(8);
    assertThat(points(book, "carol", "intermediate")).isEqualTo(24 + points(book, "carol", "q06"));
    assertThat(points(book, "carol", "total")).isEqualTo(92 + points(book, "carol", "q06"));
    assertThat(row(book, ODD_ID).status()).isEqualTo(RowStatus.UNUSABLE);
    assertThat(row(book, ODD_ID).reason()).contains("holds no .java file");
    assertThat(points(book, ODD_ID, "total")).isZero();
    assertThat(points(book, "erin", "q01")).as("erin's q01 does not compile").isZero();
    assertThat(points(book, "erin", "total")).isEqualTo(95);
    assertThat(Files.readString(work.resolve("out/gradebook.csv")))
        .as("an id with a comma is quoted")
        .contains("\r\n\"dave, o'neil\",unusable,0,");

    assertThat(Files.readAllLines(work.resolve("out/gradebook-averages.csv")).get(1))
        .as("q01: (5 + 0 + 5 + 0) / 4 graded students")
        .startsWith("average,4,2.5,");
    assertThat(out.toString())
        .contains("Batch of 5 submissions")
        .contains("Graded 4, unusable 1, error 0; 5 done by this run, 0 kept")
        .contains("Averages over 4 graded students:")
        .containsPattern("q01\\s+2.5 / 5")
        .contains(ODD_ID + ": The submission folder")
        .contains("Problems with the batch folder:", "Stray.java is a loose source file");
    assertThat(err.toString())
        .contains("Warning: Stray.java is a loose source file")
        .containsPattern("\\[\\d/5] alice: graded, 100 / 100")
        .containsPattern("\\[\\d/5] erin: graded, 95 / 100");

    Path students = work.resolve("out/students");
    for (String student : List.of("alice", "bob", "carol", "erin")) {
      assertThat(students.resolve(student))
          .isDirectoryContaining("glob:**/report.json")
          .isDirectoryContaining("glob:**/results.json")
          .isDirectoryContaining("glob:**/report.txt")
          .isDirectoryContaining("glob:**/batch-result.json");
    }
    assertThat(students.resolve("erin/report.txt")).content().contains("submission erin");
    assertThat(students.resolve(ODD_ID).resolve("unusable.txt"))
        .content()
        .contains("holds no .java file");
  }

  @Test
  @Order(2)
  void writesAClassReportThatClassReportRebuildsAndChromiumOpens() throws Exception {
    // given the class graded by the test before
    Path page = work.resolve("out/class-report.html");
    assertThat(page).content().contains("<td>erin</td><td>", "did not compile:");
    // two near-copies of the reference are a lead; erin's question 1 does not parse, so JPlag
    // compares her other questions, and says so; bob's untouched stubs are no lead
    assertThat(work.resolve("out/similarity.csv"))
        .content()
        .contains("alice,carol,", "alice,erin,")
        .doesNotContain("bob,");
    assertThat(page)
        .content()
        .contains(
            "id=\"similarity\"",
            "<td>alice</td><td>carol</td>",
            "<li>erin: question 1 not compared: JPlag could not parse");
    Files.delete(page);

    // when
    int exit = run("class-report", "out");

    // then
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Class report of 5 students: ");
    assertThat(page).content().contains("<td>dave, o&#39;neil</td><td>unusable</td>");
    HeadlessChromium.Load load = HeadlessChromium.require(work).dumpDom(page);
    assertThat(load.console()).isEmpty();
    assertThat(load.dom()).contains("data-ready=\"true\"");
    assertThat(run("class-report", "nowhere")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("No stored results under");
  }

  @Test
  @Order(3)
  void exportsToCanvasAndMoodleAndRefusesARosterNamingAnUnknownSubmission() throws Exception {
    // given
    Files.writeString(
        work.resolve("roster.csv"), "submission,name,canvas_id,email\nalice,Alice,11,a@x\n,Dan,14,d@x\n");
    Files.writeString(work.resolve("typo.csv"), "submission,name\nalice,Alice\nalcie,Typo\n");
    int before = gradings.get();

    // when
    int exported = run("lms-export", "out", "--roster", "roster.csv", "--assignment", "Week 3");
    String exportOut = out.toString();
    int refused = run("batch", "class", "-o", "out", "--force", "--roster", "typo.csv");

    // then
    assertThat(exported).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(work.resolve("out/canvas-import.csv"))
        .content()
        .contains("Student,ID,SIS User ID,SIS Login ID,Section,Week 3", "Alice,11,,,,100", "Dan,14,,,,0");
    assertThat(exportOut).contains("Not in the roster", "bob", "carol", "erin");
    assertThat(work.resolve("out/lms-unmatched.csv")).content().contains("erin,graded,95,");
    assertThat(refused).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("names submissions the class does not have: alcie", "Nothing was graded");
    assertThat(gradings).hasValue(before);
  }

  @Test
  @Order(4)
  void aRerunGradesNobodyAgain() {
    // given
    int before = gradings.get();

    // when
    int exit = run("batch", "class", "-o", "out", "--progress", "none");

    // then
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(gradings).hasValue(before);
    assertThat(out.toString()).contains("0 done by this run, 5 kept from an earlier run");
  }

  @Test
  @Order(5)
  void shardsSliceTheClassAndTheirMergedGradebookIsTheWholeOne() throws Exception {
    // given: the shards find every student done already, so nobody is graded again
    int before = gradings.get();
    assertThat(run("batch", "class", "-o", "out", "--shard", "1/2", "--progress", "none"))
        .isEqualTo(ExitCodes.OK);
    assertThat(run("batch", "class", "-o", "out", "--shard", "2/2", "--progress", "none"))
        .isEqualTo(ExitCodes.OK);

    // when
    int exit =
        run(
            "merge-gradebooks",
            "merged.csv",
            "out/gradebook-shard-1-of-2.csv",
            "out/gradebook-shard-2-of-2.csv");

    // then
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(gradings).hasValue(before);
    assertThat(ids(read(work.resolve("out/gradebook-shard-1-of-2.csv"))))
        .containsExactly("alice", "carol", "erin");
    assertThat(ids(read(work.resolve("out/gradebook-shard-2-of-2.csv"))))
        .containsExactly("bob", ODD_ID);
    assertThat(work.resolve("merged.csv"))
        .hasSameTextualContentAs(work.resolve("out/gradebook.csv"));
    assertThat(work.resolve("merged-averages.csv"))
        .hasSameTextualContentAs(work.resolve("out/gradebook-averages.csv"));
    assertThat(out.toString())
        .contains("Merged 2 gradebooks, 5 students")
        .contains("Averages over 4 graded students");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @Order(6)
  void mergeRefusesAStudentTwiceAndOtherColumnsAndSaysWhatIsMissing() throws Exception {
    // given
    Files.copy(work.resolve("out/gradebook-shard-1-of-2.csv"), work.resolve("copy.csv"));
    Files.writeString(
        work.resolve("other.csv"), "student,status,q01,total,reason\r\nzed,graded,5,5,\r\n");

    // when / then
    assertThat(run("merge-gradebooks", "m.csv", "out/gradebook-shard-1-of-2.csv", "copy.csv"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'alice' is in").contains("Nothing was written.");
    assertThat(run("merge-gradebooks", "m.csv", "out/gradebook.csv", "other.csv"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("do not have the same columns");
    assertThat(run("merge-gradebooks", "m.csv", "nowhere.csv")).isEqualTo(ExitCodes.USAGE);
    assertThat(work.resolve("m.csv")).doesNotExist();

    assertThat(run("merge-gradebooks", "half.csv", "out/gradebook-shard-2-of-2.csv"))
        .isEqualTo(ExitCodes.OK);
    assertThat(err.toString()).contains("Warning: no gradebook of shard 1/2 was given");
  }

  @Test
  @Order(7)
  void aChangedSubmissionIsGradedAgainAndOnlyThatOne() throws Exception {
    // given: carol fixes question 6
    int before = gradings.get();
    Files.copy(
        Graded.SOLUTION_SOURCES.resolve("dev/awskit/solutions/q06/DynamoDbManager.java"),
        work.resolve("class/carol/dev/awskit/solutions/q06/DynamoDbManager.java"),
        StandardCopyOption.REPLACE_EXISTING);

    // when
    int exit = run("batch", "class", "-o", "out", "--progress", "lines");

    // then
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(gradings).hasValue(before + 1);
    assertThat(points(read(work.resolve("out/gradebook.csv")), "carol", "total")).isEqualTo(100);
    assertThat(err.toString())
        .contains("carol: graded, 100 / 100")
        .contains("alice: graded, 100 / 100 (unchanged");
  }

  private static Gradebook read(Path gradebook) throws Exception {
    return Gradebook.read(gradebook);
  }

  private static List<String> ids(Gradebook book) {
    return book.rows().stream().map(GradebookRow::student).toList();
  }

  @Test
  @Order(99)
  void onlyGradesTheNamedStudentsAgainAndRebuildsTheWholeGradebook() throws Exception {
    // given
    int before = gradings.get();

    // when
    int exit = run("batch", "class", "-o", "out", "--only", "carol", "--no-similarity", "--progress", "none");
    String said = out.toString();
    int unknown = run("batch", "class", "-o", "out", "--only", "carol,zed");

    // then
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(gradings).hasValue(before + 1);
    assertThat(said).contains("1 done by this run, 4 kept");
    assertThat(ids(read(work.resolve("out/gradebook.csv")))).hasSize(5);
    assertThat(work.resolve("out/class-report.html")).content().contains("<td>alice</td><td>graded</td>");
    assertThat(unknown).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--only names students the batch folder does not have: zed");
    assertThat(gradings).hasValue(before + 1);
  }

  @Test
  @Order(100)
  void onlyRebuildsTheGradebookWithLatePenaltiesAndOverridesAndKeepsTheRawScores()
      throws Exception {
    // given: due 23:59 UTC the day before grading, 10 % a day; alice's Gradescope metadata says
    // 09:00 on grading day (one started day late), carol has an extension; overrides on both
    int before = gradings.get();
    Files.writeString(
        work.resolve("late.yaml"),
        """
        late:
          due: 2025-01-14T23:59:00Z
          grace: 15m
          penalty: 10% per day
          cap: 50%
          extensions:
            carol: 2025-01-20T00:00:00+01:00
            zed: 2025-01-20T00:00:00+01:00
        """);
    Files.writeString(
        work.resolve("class/alice/submission_metadata.json"),
        "{\"id\": 7, \"created_at\": \"2025-01-15T09:00:00.000000+00:00\"}");
    Files.writeString(
        work.resolve("overrides.csv"),
        "student,question,score,reason\nalice,q01,-1,explanation copied\ncarol,6,4,scan rewritten\n");

    // when
    int exit =
        run("batch", "class", "-o", "out", "--only", "alice", "--policy", "late.yaml",
            "--overrides", "overrides.csv", "--no-similarity", "--progress", "none");

    // then: alice 100 - 1 - 10 = 89; carol 100 - 4 within her extension
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(gradings).hasValue(before + 1);
    Gradebook book = read(work.resolve("out/gradebook.csv"));
    assertThat(book.header()).containsSequence("total", "overrides", "late_penalty", "final");
    assertThat(points(book, "alice", "total")).isEqualTo(100);
    assertThat(points(book, "alice", "overrides")).isEqualTo(-1);
    assertThat(points(book, "alice", "late_penalty")).isEqualTo(10);
    assertThat(points(book, "alice", "final")).isEqualTo(89);
    assertThat(points(book, "carol", "final")).isEqualTo(96);
    assertThat(row(book, "alice").reason())
        .contains("explanation copied")
        .contains("(from submission_metadata.json)");
    assertThat(err.toString())
        .contains("extends the due date of students the batch folder does not have: zed");
    Path alice = work.resolve("out/students/alice");
    assertThat(alice.resolve("summary.md")).content().startsWith("## Grade: 89 / 100");
    assertThat(alice.resolve("report.json")).content().contains("\"finalScore\" : 89.0");
    assertThat(work.resolve("out/class-report.html"))
        .content()
        .contains("<th>after grading</th>", "scan rewritten");
  }

  @Test
  @Order(101)
  void aBrokenOverridesFileOrLateSectionGradesNothingAndNamesTheLine() throws Exception {
    // given
    int before = gradings.get();
    Files.writeString(
        work.resolve("bad-overrides.csv"),
        "student,question,score,reason\nalice,q13,1,typo\n");
    Files.writeString(
        work.resolve("bad-late.yaml"),
        "late:\n  penalty: 5% per day\n  due: 2025-01-32T23:59:00Z\n");

    // when
    int overrides =
        run("batch", "class", "-o", "out", "--force", "--overrides", "bad-overrides.csv");
    String overridesSaid = err.toString();
    int late = run("batch", "class", "-o", "out", "--force", "--policy", "bad-late.yaml");

    // then
    assertThat(overrides).isEqualTo(ExitCodes.USAGE);
    assertThat(overridesSaid)
        .contains("Broken overrides file: bad-overrides.csv, line 2: 'q13' is not a question");
    assertThat(late).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("bad-late.yaml, line 3: due '2025-01-32T23:59:00Z'");
    assertThat(gradings).hasValue(before);
  }
}
