package dev.awskit.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads batch folders into rosters and slices rosters into shards. */
class RosterAndShardTest {

  @TempDir Path batch;

  @Test
  void everyFolderAndZipIsAStudentNamedAfterIt() throws Exception {
    // given
    Files.createDirectories(batch.resolve("bob"));
    Files.write(batch.resolve("alice.zip"), new byte[] {0});
    Files.write(batch.resolve("Carol.ZIP"), new byte[] {0});
    Files.createDirectories(batch.resolve(".git"));
    Files.writeString(batch.resolve(".DS_Store"), "");
    Files.createDirectories(batch.resolve("__MACOSX"));
    Files.writeString(batch.resolve("Loose.java"), "class Loose {}");
    Files.writeString(batch.resolve("notes.txt"), "");

    // when
    Roster roster = Roster.scan(batch);

    // then
    assertThat(roster.ids()).containsExactly("Carol", "alice", "bob");
    assertThat(roster.students().get(1).isZip()).isTrue();
    assertThat(roster.students().get(2).isZip()).isFalse();
    assertThat(roster.problems())
        .singleElement()
        .asString()
        .contains(
            "Loose.java is a loose source file",
            "not graded",
            "folder or a zip named after the student");
    assertThat(roster.ignored()).containsExactly("notes.txt");
  }

  @Test
  void aFolderAndAZipWithOneNameMakeOneAmbiguousSubmission() throws Exception {
    // given
    Files.createDirectories(batch.resolve("alice"));
    Files.write(batch.resolve("alice.zip"), new byte[] {0});

    // when
    Roster roster = Roster.scan(batch);

    // then
    assertThat(roster.students())
        .singleElement()
        .satisfies(
            student -> {
              assertThat(student.id()).isEqualTo("alice");
              assertThat(student.isAmbiguous()).isTrue();
            });
  }

  @Test
  void shardsParseFromIOverN() {
    assertThat(Shard.parse("2/4")).contains(new Shard(2, 4));
    assertThat(Shard.parse(" 1 / 1 ")).contains(Shard.ALL);
    assertThat(Shard.parse("0/4")).isEmpty();
    assertThat(Shard.parse("5/4")).isEmpty();
    assertThat(Shard.parse("1/0")).isEmpty();
    assertThat(Shard.parse("-1/4")).isEmpty();
    assertThat(Shard.parse("a/b")).isEmpty();
    assertThat(Shard.parse("2")).isEmpty();
    assertThatThrownBy(() -> new Shard(3, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shardsCoverEveryStudentExactlyOnceAndDifferInSizeByOneAtMost() {
    for (int students = 0; students <= 13; students++) {
      List<StudentSubmission> roster =
          IntStream.range(0, students)
              .mapToObj(
                  index ->
                      StudentSubmission.of(String.format("s%02d", index), Path.of("s" + index)))
              .toList();
      for (int count = 1; count <= 5; count++) {
        List<String> seen = new ArrayList<>();
        Set<Integer> sizes = new HashSet<>();
        for (int index = 1; index <= count; index++) {
          List<StudentSubmission> slice = new Shard(index, count).select(roster);
          slice.forEach(student -> seen.add(student.id()));
          sizes.add(slice.size());
        }
        assertThat(seen)
            .as("%d students in %d shards", students, count)
            .containsExactlyInAnyOrderElementsOf(
                roster.stream().map(StudentSubmission::id).toList());
        assertThat(
                sizes.stream().mapToInt(Integer::intValue).max().orElse(0)
                    - sizes.stream().mapToInt(Integer::intValue).min().orElse(0))
            .isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void aShardTakesEveryNthStudentInIdOrder() {
    // given
    List<StudentSubmission> roster =
        List.of("a", "b", "c", "d", "e").stream()
            .map(id -> StudentSubmission.of(id, Path.of(id)))
            .toList();

    // when / then
    assertThat(new Shard(2, 2).select(roster))
        .extracting(StudentSubmission::id)
        .containsExactly("b", "d");
    assertThat(new Shard(1, 2).select(roster))
        .extracting(StudentSubmission::id)
        .containsExactly("a", "c", "e");
  }
}
