package dev.awskit.grader.batch;

import java.util.List;

/**
 * Holds what a batch run did.
 *
 * @param results every student's result, sorted by id
 * @param graded how many students this run graded or found unusable itself, rather than keep
 * @param kept how many students' results an earlier run had left and this run kept
 */
public record BatchRun(List<StudentResult> results, int graded, int kept) {

  /** Copies the list. */
  public BatchRun {
    results = List.copyOf(results);
  }

  /** Returns how many results have the given status. */
  public long count(RowStatus status) {
    return results.stream().filter(result -> result.status() == status).count();
  }

  /** Returns the results with the given status. */
  public List<StudentResult> withStatus(RowStatus status) {
    return results.stream().filter(result -> result.status() == status).toList();
  }
}
