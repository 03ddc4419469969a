package dev.awskit.grader.vetting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds the violations of a submission sorted by the questions they cost.
 *
 * <p>A violation costs a question when its class is the question's implementation class, is
 * nested in it ({@code Outer$Inner} belongs to {@code Outer}), or is a class the implementation
 * reaches through the {@link ClassGraph} (a helper used by two questions costs both). A violation
 * in a class that no implementation reaches cannot run while a question is graded: it costs
 * nothing and is listed in {@link #unattributed()}, for the report to show as a warning.
 *
 * @param <Q> how the caller names a question, e.g. its number
 * @param byQuestion every question of the input, in its order, with the violations that cost
 *     it (an empty list for a clean question)
 * @param unattributed the violations that cost no question
 */
public record Attribution<Q>(Map<Q, List<Violation>> byQuestion, List<Violation> unattributed) {

  /** Copies the collections, keeping the order of the questions. */
  public Attribution {
    Map<Q, List<Violation>> copy = new LinkedHashMap<>();
    byQuestion.forEach((question, violations) -> copy.put(question, List.copyOf(violations)));
    byQuestion = Collections.unmodifiableMap(copy);
    unattributed = List.copyOf(unattributed);
  }

  /**
   * Attributes {@code violations} to questions through the uses in {@code graph}.
   *
   * <p>A violation whose class is not in the graph (so nothing is known about who uses it) costs
   * every question.
   *
   * @param implementations the binary names of each question's implementation class(es); a
   *     question whose class is missing from the submission gets no violation
   */
  public static <Q> Attribution<Q> of(
      List<Violation> violations,
      Map<Q, ? extends Collection<String>> implementations,
      ClassGraph graph) {
    Map<Q, Set<String>> reach = new LinkedHashMap<>();
    implementations.forEach(
        (question, classes) -> {
          Set<String> reachable = new HashSet<>();
          classes.forEach(name -> reachable.addAll(graph.reachableFrom(name)));
          reach.put(question, reachable);
        });
    Map<Q, List<Violation>> byQuestion = emptyLists(implementations);
    List<Violation> unattributed = new ArrayList<>();
    for (Violation violation : violations) {
      if (!graph.contains(violation.className())) {
        byQuestion.values().forEach(list -> list.add(violation));
        continue;
      }
      String owner = graph.topLevelClassOf(violation.className()).orElseThrow();
      boolean attributed = false;
      for (Map.Entry<Q, Set<String>> entry : reach.entrySet()) {
        if (entry.getValue().contains(owner)) {
          byQuestion.get(entry.getKey()).add(violation);
          attributed = true;
        }
      }
      if (!attributed) {
        unattributed.add(violation);
      }
    }
    return new Attribution<>(byQuestion, unattributed);
  }

  /**
   * Attributes {@code violations} to questions by class names alone, when no graph is at hand: a
   * violation in an implementation class, or in a class nested in it (name up to the first
   * {@code $}), costs that question; any other violation costs every question, since any of them
   * might use the class.
   */
  public static <Q> Attribution<Q> withoutGraph(
      List<Violation> violations, Map<Q, ? extends Collection<String>> implementations) {
    Map<Q, List<Violation>> byQuestion = emptyLists(implementations);
    for (Violation violation : violations) {
      String name = violation.className();
      String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
      boolean attributed = false;
      for (Map.Entry<Q, ? extends Collection<String>> entry : implementations.entrySet()) {
        if (entry.getValue().contains(outer) || entry.getValue().contains(name)) {
          byQuestion.get(entry.getKey()).add(violation);
          attributed = true;
        }
      }
      if (!attributed) {
        byQuestion.values().forEach(list -> list.add(violation));
      }
    }
    return new Attribution<>(byQuestion, List.of());
  }

  /** Returns whether {@code question} has no violation. */
  public boolean isClean(Q question) {
    return byQuestion.getOrDefault(question, List.of()).isEmpty();
  }

  private static <Q> Map<Q, List<Violation>> emptyLists(Map<Q, ?> implementations) {
    Map<Q, List<Violation>> lists = new LinkedHashMap<>();
    implementations.keySet().forEach(question -> lists.put(question, new ArrayList<>()));
    return lists;
  }
}
