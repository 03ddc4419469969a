package dev.awskit.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the copies a batch grades from are whole, that the batch learns when, that a batch
 * grading the originals gets them as they are, and that both refuse a folder past the bounds.
 */
class SnapshotsTest {

  @TempDir Path batch;

  private List<StudentSubmission> classOf(int size) {
    List<StudentSubmission> students = new ArrayList<>();
    for (int index = 0; index < size; index++) {
      String id = "student-" + index;
      FakeClass.write(batch.resolve(id).resolve("q01").resolve("A.java"), "class A {} // " + id);
      students.add(StudentSubmission.of(id, batch.resolve(id)));
    }
    return students;
  }

  @Test
  @DisplayName("each student waits for a copy of its own submission, outside the batch folder")
  void eachStudentGetsItsOwnCopy() throws Exception {
    // given
    List<StudentSubmission> students = classOf(20);
    AtomicInteger allTaken = new AtomicInteger();

    // when
    List<Snapshots.Taken> taken = new ArrayList<>();
    try (Snapshots snapshots = Snapshots.start(students, allTaken::incrementAndGet)) {
      for (StudentSubmission student : students) {
        taken.add(snapshots.of(student));
      }

      // then
      for (int index = 0; index < students.size(); index++) {
        Path copy = ((Snapshots.Taken.Ready) taken.get(index)).submission().path();
        assertThat(copy.startsWith(batch)).isFalse();
        assertThat(Files.readString(copy.resolve("q01").resolve("A.java")))
            .isEqualTo("class A {} // student-" + index);
      }
    }
    assertThat(allTaken).hasValue(1);
  }

  @Test
  @DisplayName("a batch closed while copying still says once that the copies are done")
  void closingEarlySaysOnceThatTheCopiesAreDone() throws Exception {
    // given
    List<StudentSubmission> students = classOf(50);
    AtomicInteger allTaken = new AtomicInteger();

    // when
    Snapshots snapshots = Snapshots.start(students, allTaken::incrementAndGet);
    snapshots.close();

    // then
    assertThat(allTaken).hasValue(1);
    for (StudentSubmission student : students) {
      assertThat(snapshots.of(student))
          .isInstanceOfAny(Snapshots.Taken.Ready.class, Snapshots.Taken.Failed.class);
    }
  }

  @Test
  @DisplayName("a batch that grades the originals gets each submission where it is, at once")
  void theOriginalsAreHandedOutAsTheyAre() throws Exception {
    // given
    List<StudentSubmission> students = classOf(3);
    AtomicInteger allTaken = new AtomicInteger();

    // when
    try (Snapshots snapshots = Snapshots.ofOriginals(allTaken::incrementAndGet)) {
      // then
      assertThat(allTaken).as("how often the batch heard the copies are taken").hasValue(1);
      for (StudentSubmission student : students) {
        assertThat(snapshots.of(student)).isEqualTo(new Snapshots.Taken.Ready(student));
      }
    }
  }

  @Test
  @DisplayName("a folder past the bounds is refused with its reason, copied or not")
  void aFolderPastTheBoundsIsRefusedEitherWay() throws Exception {
    // given a submission holding a sparse file of 257 MiB, which costs no disk
    StudentSubmission large = classOf(1).get(0);
    try (RandomAccessFile file =
        new RandomAccessFile(large.path().resolve("video.mp4").toFile(), "rw")) {
      file.setLength(257L * 1024 * 1024);
    }

    // when
    Snapshots.Taken copied;
    try (Snapshots snapshots = Snapshots.start(List.of(large), () -> {})) {
      copied = snapshots.of(large);
    }
    Snapshots.Taken original;
    try (Snapshots snapshots = Snapshots.ofOriginals(() -> {})) {
      original = snapshots.of(large);
    }

    // then
    String reason =
        "the submission folder holds more than 20000 files or 256 MiB; hand in the sources only";
    assertThat(copied).isEqualTo(new Snapshots.Taken.Failed(reason));
    assertThat(original).isEqualTo(new Snapshots.Taken.Failed(reason));
  }
}
