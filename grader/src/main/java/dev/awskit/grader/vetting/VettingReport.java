package dev.awskit.grader.vetting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds the outcome of vetting one submission: its violations and the use graph of its classes,
 * which attributes each violation to the questions it costs.
 *
 * @param violations every violation, sorted by class, line and rule
 * @param graph which classes of the submission use which
 */
public record VettingReport(List<Violation> violations, ClassGraph graph) {

  /** Copies the list, so the report cannot change after it is made. */
  public VettingReport {
    violations = List.copyOf(violations);
    Objects.requireNonNull(graph, "graph");
  }

  /** Returns whether no rule was broken. */
  public boolean passed() {
    return violations.isEmpty();
  }

  /**
   * Attributes the violations to questions, given the binary names of each question's
   * implementation class(es); see {@link Attribution#of}.
   */
  public <Q> Attribution<Q> attribute(Map<Q, ? extends Collection<String>> implementations) {
    return Attribution.of(violations, implementations, graph);
  }
}
