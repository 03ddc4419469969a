package dev.awskit.grader.vetting;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Objects;

/**
 * Names one ArchUnit rule of the static vetting and the reason a student is given.
 *
 * @param id a short stable name, used in reports and in {@code docs/security/static-vetting.md},
 *     e.g. {@code process-exit}
 * @param reason why the rule exists, a clause a student understands; also the rule's
 *     {@code because(...)}
 * @param rule the ArchUnit rule, whose description reads as a sentence, e.g. "no classes should
 *     end the Java process (...), because ..."
 */
public record VettingRule(String id, String reason, ArchRule rule) {

  /** Checks that every part is present. */
  public VettingRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rule, "rule");
  }

  /** Returns the rule as one sentence. */
  public String sentence() {
    return rule.getDescription();
  }
}
