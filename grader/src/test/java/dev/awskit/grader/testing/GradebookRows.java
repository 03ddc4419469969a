package dev.awskit.grader.testing;

import dev.awskit.grader.batch.Gradebook;
import dev.awskit.grader.batch.GradebookRow;

/** Reads one student's row and points out of a gradebook, for the grader's batch tests. */
public final class GradebookRows {

  private GradebookRows() {}

  /** Returns the row of {@code student}; fails if the gradebook has none. */
  public static GradebookRow row(Gradebook book, String student) {
    return book.rows().stream()
        .filter(row -> row.student().equals(student))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the gradebook has no row for " + student));
  }

  /** Returns the points of {@code student} in {@code column} (q01..q12, a tier, or total). */
  public static double points(Gradebook book, String student, String column) {
    return row(book, student).scores().get(book.scoreColumns().indexOf(column)).doubleValue();
  }
}
