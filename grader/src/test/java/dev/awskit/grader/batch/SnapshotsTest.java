package dev.awskit.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that the copies a batch grades from are whole, and that the batch learns when. */
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
        Path copy = ((Snapshots.Taken.Copied) taken.get(index)).submission().path();
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
          .isInstanceOfAny(Snapshots.Taken.Copied.class, Snapshots.Taken.Failed.class);
    }
  }
}
