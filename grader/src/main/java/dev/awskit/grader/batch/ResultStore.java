package dev.awskit.grader.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps each student's report folder under a batch's output folder, and in it the student's {@link
 * StudentResult}, which a re-run reads to skip the students already done.
 *
 * <p>Layout: {@code OUTPUT/students/<id>/} holds the student's reports and {@code
 * batch-result.json}. The result file is written last, through a temporary file moved into place,
 * so that it exists only when the student's reports are complete: a batch stopped half-way leaves
 * no result for the student it was grading, who is graded again by the next run.
 */
public final class ResultStore {

  /** Names the file that records a student's result in their report folder. */
  public static final String RESULT_FILE = "batch-result.json";

  /** Names the folder, under the output folder, of the students' report folders. */
  public static final String STUDENTS_FOLDER = "students";

  private final Path output;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Creates a store under the batch's output folder. */
  public ResultStore(Path output) {
    this.output = output;
  }

  /** Returns the batch's output folder. */
  public Path output() {
    return output;
  }

  /** Returns the report folder of a student (not created). */
  public Path folderOf(String student) {
    Path name = Path.of(student);
    if (student.isEmpty()
        || student.startsWith(".")
        || name.getNameCount() != 1
        || name.isAbsolute()) {
      // Ids come from names in the batch folder; anything else would escape the output folder.
      throw new IllegalArgumentException("Not a student id: " + student);
    }
    return output.resolve(STUDENTS_FOLDER).resolve(student);
  }

  /** Returns the student's recorded result; empty when there is none or it cannot be read. */
  public Optional<StudentResult> read(String student) {
    Path file = folderOf(student).resolve(RESULT_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      StudentResult result = json.readValue(file.toFile(), StudentResult.class);
      return student.equals(result.student()) ? Optional.of(result) : Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      // A damaged record only costs grading the student again.
      return Optional.empty();
    }
  }

  /**
   * Returns every result recorded under the output folder, sorted by student id: what a report
   * is rebuilt from without grading again. Unreadable records are left out, as {@link #read} does.
   *
   * @throws IOException when the students' folder cannot be listed
   */
  public List<StudentResult> readAll() throws IOException {
    Path students = output.resolve(STUDENTS_FOLDER);
    if (!Files.isDirectory(students)) {
      return List.of();
    }
    List<String> ids;
    try (Stream<Path> list = Files.list(students)) {
      ids = list.map(path -> path.getFileName().toString()).sorted().toList();
    }
    List<StudentResult> results = new ArrayList<>();
    for (String id : ids) {
      if (!id.startsWith(".")) {
        read(id).ifPresent(results::add);
      }
    }
    return results;
  }

  /** Forgets the student's recorded result, before they are graded again. */
  public void forget(String student) throws IOException {
    Files.deleteIfExists(folderOf(student).resolve(RESULT_FILE));
  }

  /** Records the student's result, replacing any earlier one in one step. */
  public void write(StudentResult result) throws IOException {
    Path folder = Files.createDirectories(folderOf(result.student()));
    Path temporary = Files.createTempFile(folder, ".batch-result-", ".tmp");
    try {
      json.writeValue(temporary.toFile(), result);
      moveIntoPlace(temporary, folder.resolve(RESULT_FILE));
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Moves a complete file onto its final name in one step where the file system can. */
  static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException notAtomic) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
