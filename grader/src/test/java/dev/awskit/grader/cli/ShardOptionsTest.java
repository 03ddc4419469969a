package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks how a pod of a Kubernetes Indexed Job finds its slice ({@code --shards N} with the index
 * Kubernetes counts from 0) and how the merge gathers the slices from a folder. The class has no
 * sources at all, so that nothing is compiled: only the slicing is under test.
 */
class ShardOptionsTest {

  @TempDir Path work;

  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void aClassOfFiveWithoutSources() throws IOException {
    for (String student : List.of("alice", "bob", "carol", "dave", "erin")) {
      Files.createDirectories(work.resolve("class").resolve(student));
      Files.writeString(work.resolve("class").resolve(student).resolve("notes.txt"), "no code yet");
    }
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    SubmissionRunner unused =
        (request, events) -> {
          throw new AssertionError("Nothing in this class compiles, so nothing should run.");
        };
    return new GraderCli(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            unused,
            Graded::catalog)
        .execute(args);
  }

  private List<String> ids(String gradebook) throws IOException {
    return Files.readAllLines(work.resolve("out").resolve(gradebook)).stream()
        .skip(1)
        .map(line -> line.substring(0, line.indexOf(',')))
        .toList();
  }

  @Test
  void theJobIndexCountsFromZeroAndNamesTheShardThatCountsFromOne() throws IOException {
    // when pods 0 and 1 of an Indexed Job of two grade the class
    int first = run("batch", "class", "-o", "out", "--shards", "2", "--job-index", "0", "--progress", "none");
    int second = run("batch", "class", "-o", "out", "--shards", "2", "--job-index", "1", "--progress", "none");

    // then they wrote the gradebooks of shards 1/2 and 2/2, as --shard 1/2 and 2/2 would
    assertThat(first).isEqualTo(ExitCodes.OK);
    assertThat(second).isEqualTo(ExitCodes.OK);
    assertThat(ids("gradebook-shard-1-of-2.csv")).containsExactly("alice", "carol", "erin");
    assertThat(ids("gradebook-shard-2-of-2.csv")).containsExactly("bob", "dave");
  }

  @Test
  void aPodWithoutItsIndexOrWithAnIndexOutsideTheJobIsToldWhatIsWrong() {
    // when / then
    assertThat(run("batch", "class", "--shards", "2", "--job-index", "2")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("The job index 2 is outside 0..1");
    assertThat(run("batch", "class", "--shards", "2", "--job-index", "one")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("must be a whole number from 0; 'one' is not");
    assertThat(run("batch", "class", "--shards", "2", "--shard", "1/2")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Give --shard or --shards, not both.");
    assertThat(work.resolve("grading-reports")).doesNotExist();
  }

  @Test
  void theMergeTakesAFolderOfShardsAndRefusesWhenAnExpectedShardIsMissing() throws IOException {
    // given only shard 1 of 2 has run
    run("batch", "class", "-o", "out", "--shard", "1/2", "--progress", "none");

    // when
    int refused = run("merge-gradebooks", "merged.csv", "out", "--expect-shards", "2");

    // then
    assertThat(refused).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("No gradebook of shard 2/2 was given").contains("Nothing was written.");
    assertThat(work.resolve("merged.csv")).doesNotExist();

    // when shard 2 has run too
    run("batch", "class", "-o", "out", "--shard", "2/2", "--progress", "none");
    int merged = run("merge-gradebooks", "merged.csv", "out", "--expect-shards", "2");

    // then
    assertThat(merged).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(work.resolve("merged.csv")).stream().skip(1).map(l -> l.substring(0, l.indexOf(','))))
        .containsExactly("alice", "bob", "carol", "dave", "erin");
  }

  @Test
  void aFolderWithoutShardsIsRefused() throws IOException {
    // given
    Files.createDirectories(work.resolve("empty"));

    // when / then
    assertThat(run("merge-gradebooks", "merged.csv", "empty")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("holds no gradebook-shard-I-of-N.csv");
  }
}
