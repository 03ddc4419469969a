package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds which classes of a submission use which others, at the level of top-level classes: a
 * nested, local or anonymous class counts as part of the class it is declared in.
 *
 * <p>"Uses" is ArchUnit's dependency: any mention of a type, as a superclass, interface, field,
 * parameter, return or local type, a call, a field access, a method reference, an annotation or a
 * class literal. Only classes of the submission appear; JDK and SDK types are left out.
 *
 * @param topLevelOf the top-level class of every class of the submission, by binary name
 * @param uses the top-level classes each top-level class uses directly (itself excluded)
 */
public record ClassGraph(Map<String, String> topLevelOf, Map<String, Set<String>> uses) {

  /** Copies the maps, so the graph cannot change after it is made. */
  public ClassGraph {
    topLevelOf = Map.copyOf(topLevelOf);
    Map<String, Set<String>> copy = new HashMap<>();
    uses.forEach((from, to) -> copy.put(from, Set.copyOf(to)));
    uses = Map.copyOf(copy);
  }

  /** Builds the graph of the classes ArchUnit imported from a submission. */
  static ClassGraph of(JavaClasses classes) {
    Map<String, String> topLevel = new TreeMap<>();
    for (JavaClass type : classes) {
      topLevel.put(type.getName(), topLevelClass(type).getName());
    }
    Map<String, Set<String>> uses = new TreeMap<>();
    for (JavaClass type : classes) {
      String from = topLevel.get(type.getName());
      Set<String> targets = uses.computeIfAbsent(from, key -> new TreeSet<>());
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        if (target.isArray()) {
          target = target.getBaseComponentType();
        }
        String to = topLevel.get(target.getName());
        if (to != null && !to.equals(from)) {
          targets.add(to);
        }
      }
    }
    return new ClassGraph(topLevel, uses);
  }

  /** Returns whether {@code className} is a class of the submission. */
  public boolean contains(String className) {
    return topLevelOf.containsKey(className);
  }

  /** Returns the top-level class that {@code className} belongs to, if it is in the graph. */
  public Optional<String> topLevelClassOf(String className) {
    return Optional.ofNullable(topLevelOf.get(className));
  }

  /**
   * Returns the top-level classes that code in {@code className} (or the class it is nested in)
   * can reach by following uses, itself included; empty when the class is not in the graph.
   */
  public Set<String> reachableFrom(String className) {
    Optional<String> start = topLevelClassOf(className);
    if (start.isEmpty()) {
      return Set.of();
    }
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start.get());
    while (!queue.isEmpty()) {
      String next = queue.remove();
      if (seen.add(next)) {
        queue.addAll(uses.getOrDefault(next, Set.of()));
      }
    }
    return Set.copyOf(seen);
  }

  private static JavaClass topLevelClass(JavaClass type) {
    JavaClass current = type;
    Set<JavaClass> seen = new HashSet<>();
    while (current.getEnclosingClass().isPresent() && seen.add(current)) {
      current = current.getEnclosingClass().get();
    }
    return current;
  }
}
