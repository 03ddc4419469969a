package dev.awskit.grader.cli;

import dev.awskit.grader.batch.BatchRun;
import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.batch.StudentSubmission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * Adds {@code --only} to {@code batch}: grade the students named again, keep everyone else's stored
 * result, and rebuild the gradebook, the class report and the exports from all of them.
 */
final class OnlyOption {

  @Option(
      names = "--only",
      paramLabel = "ID",
      split = ",",
      description =
          "Grade again only these students (comma-separated ids), whatever an earlier run"
              + " recorded; everyone else keeps their stored result as it is (a student without"
              + " one is graded). The gradebook, class report and exports are rebuilt for the"
              + " whole class.")
  List<String> only;

  /** Returns a message naming the ids the class does not have; empty when all are known. */
  Optional<String> problem(List<String> ids) {
    if (only == null) {
      return Optional.empty();
    }
    Set<String> unknown = new TreeSet<>(only);
    unknown.removeAll(ids);
    return unknown.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "--only names students the batch folder does not have: "
                + String.join(", ", unknown)
                + ". Nothing was graded.");
  }

  /** Tells whether the run grades its students whatever an earlier run recorded. */
  boolean force(boolean force) {
    return force || only != null;
  }

  /** Returns the students to grade: those named, and those without a stored result. */
  List<StudentSubmission> toGrade(List<StudentSubmission> students, ResultStore store) {
    if (only == null) {
      return students;
    }
    return students.stream()
        .filter(student -> only.contains(student.id()) || store.read(student.id()).isEmpty())
        .toList();
  }

  /** Adds the stored results of the students this run did not grade. */
  BatchRun withTheOthers(BatchRun run, List<StudentSubmission> students, ResultStore store) {
    if (only == null) {
      return run;
    }
    Set<String> graded = new TreeSet<>();
    run.results().forEach(result -> graded.add(result.student()));
    List<StudentResult> all = new ArrayList<>(run.results());
    int kept = 0;
    for (StudentSubmission student : students) {
      if (!graded.contains(student.id())) {
        Optional<StudentResult> stored = store.read(student.id());
        if (stored.isPresent()) {
          all.add(stored.get());
          kept++;
        }
      }
    }
    all.sort(Comparator.comparing(StudentResult::student));
    return new BatchRun(all, run.graded(), run.kept() + kept);
  }
}
