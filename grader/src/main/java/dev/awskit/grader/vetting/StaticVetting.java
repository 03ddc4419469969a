package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks a submission's compiled classes against the vetting rules before any of its code runs.
 *
 * <p>It reads class files only (ArchUnit parses their bytes); no submission class is loaded or
 * initialised. It keeps no state between calls and is safe to share between threads.
 */
public final class StaticVetting {

  private final List<VettingRule> rules;

  /** Creates a vetting with the {@linkplain VettingRules#defaults() default rules}. */
  public StaticVetting() {
    this(VettingRules.defaults());
  }

  /** Creates a vetting with the given rules. */
  public StaticVetting(List<VettingRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Returns the rules, for documentation and reports. */
  public List<VettingRule> rules() {
    return rules;
  }

  /**
   * Checks every class file under {@code classesDirectory} (the compiler's output for one
   * submission) and returns the violations with the use graph of the classes.
   *
   * @throws IllegalArgumentException when {@code classesDirectory} is not a folder
   */
  public VettingReport vet(Path classesDirectory) {
    Objects.requireNonNull(classesDirectory, "classesDirectory");
    if (!Files.isDirectory(classesDirectory)) {
      throw new IllegalArgumentException("Not a folder of classes: " + classesDirectory);
    }
    JavaClasses classes = new ClassFileImporter().importPath(classesDirectory);
    List<Violation> violations = new ArrayList<>();
    for (VettingRule rule : rules) {
      EvaluationResult result = rule.rule().evaluate(classes);
      result.handleViolations(
          (Collection<Finding> findings, String message) ->
              findings.forEach(finding -> violations.add(toViolation(finding, rule))));
    }
    List<Violation> sorted =
        violations.stream()
            .distinct()
            .sorted(
                Comparator.comparing(Violation::className)
                    .thenComparingInt(Violation::line)
                    .thenComparing(Violation::ruleId)
                    .thenComparing(Violation::detail)
                    .thenComparing(Violation::method))
            .toList();
    return new VettingReport(sorted, ClassGraph.of(classes));
  }

  private static Violation toViolation(Finding finding, VettingRule rule) {
    return new Violation(
        finding.className(),
        finding.method(),
        finding.line(),
        finding.sourceFile(),
        rule.id(),
        finding.detail(),
        rule.reason());
  }
}
