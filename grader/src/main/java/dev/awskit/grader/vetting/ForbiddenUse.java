package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds, in one class, every access (call, method or constructor reference, field access) and
 * every declaration that a rule forbids.
 *
 * <p>It is meant for {@code noClasses().should(...)}: each find is reported as the condition
 * being met, which {@code noClasses()} turns into a violation, with a {@link Finding} as the
 * event's object so the caller gets class, method and line back without parsing messages.
 */
final class ForbiddenUse extends ArchCondition<JavaClass> {

  private final Predicate<JavaAccess<?>> accesses;
  private final Function<JavaCodeUnit, Optional<String>> declarations;

  /**
   * Creates the condition.
   *
   * @param description what the rule forbids, worded to follow "no classes should"
   * @param accesses the accesses that are forbidden
   * @param declarations for a declared method or constructor, what is wrong with it, if anything
   */
  ForbiddenUse(
      String description,
      Predicate<JavaAccess<?>> accesses,
      Function<JavaCodeUnit, Optional<String>> declarations) {
    super(description);
    this.accesses = accesses;
    this.declarations = declarations;
  }

  /** Creates a condition on accesses only. */
  ForbiddenUse(String description, Predicate<JavaAccess<?>> accesses) {
    this(description, accesses, unit -> Optional.empty());
  }

  @Override
  public void check(JavaClass type, ConditionEvents events) {
    for (JavaAccess<?> access : type.getAccessesFromSelf()) {
      if (accesses.test(access)) {
        Finding finding = Finding.of(access);
        events.add(SimpleConditionEvent.satisfied(finding, finding.sentence()));
      }
    }
    for (JavaCodeUnit unit : type.getCodeUnits()) {
      declarations
          .apply(unit)
          .ifPresent(
              detail -> {
                Finding finding = Finding.of(unit, detail);
                events.add(SimpleConditionEvent.satisfied(finding, finding.sentence()));
              });
    }
  }
}
