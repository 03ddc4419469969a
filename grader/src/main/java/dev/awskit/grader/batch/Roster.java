package dev.awskit.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Lists the submissions of a batch folder, one per student, sorted by student id.
 *
 * <p>Every folder and every {@code .zip} file at the top of the batch folder is one student's
 * submission, whose id is its name (without {@code .zip}). Hidden entries (a name starting with a
 * dot) and {@code __MACOSX} are left out without a word. A loose {@code .java} file at the top is a
 * mistake in how the batch folder was put together: it is listed in {@link #problems()}, not
 * graded. Other files (a spreadsheet, a README) are listed in {@link #ignored()}.
 *
 * @param students one submission per student id, sorted by id ({@link String#compareTo} order)
 * @param problems what is wrong with the batch folder itself, in plain words for the instructor
 * @param ignored the names of top-level files that are neither folders nor zips
 */
public record Roster(
    List<StudentSubmission> students, List<String> problems, List<String> ignored) {

  /** Copies the lists. */
  public Roster {
    students = List.copyOf(students);
    problems = List.copyOf(problems);
    ignored = List.copyOf(ignored);
  }

  /**
   * Reads the top level of {@code batchFolder}.
   *
   * @throws IOException when the folder cannot be listed
   */
  public static Roster scan(Path batchFolder) throws IOException {
    Map<String, List<Path>> byId = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<Path> entries;
    try (Stream<Path> list = Files.list(batchFolder)) {
      entries = list.sorted().toList();
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".") || name.equals("__MACOSX")) {
        continue;
      }
      if (Files.isDirectory(entry)) {
        byId.computeIfAbsent(name, id -> new ArrayList<>()).add(entry);
      } else if (StudentSubmission.isZipName(name) && Files.isRegularFile(entry)) {
        String id = name.substring(0, name.length() - ".zip".length());
        byId.computeIfAbsent(id, key -> new ArrayList<>()).add(entry);
      } else if (name.toLowerCase(Locale.ROOT).endsWith(".java")) {
        problems.add(
            name
                + " is a loose source file at the top of the batch folder, so it belongs to no"
                + " student and was not graded. Put each student's files in a folder or a zip"
                + " named after the student.");
      } else {
        ignored.add(name);
      }
    }
    List<StudentSubmission> students = new ArrayList<>();
    byId.forEach((id, paths) -> students.add(new StudentSubmission(id, paths)));
    return new Roster(students, problems, ignored);
  }

  /** Returns the student ids, in order. */
  public List<String> ids() {
    return students.stream().map(StudentSubmission::id).toList();
  }
}
