package dev.awskit.grader.hidden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the numbered contract rules a hidden test checks.
 *
 * <p>Each question's contract, the Javadoc of its {@code @Exercise} interface, labels every rule
 * with a bold number such as <b>7.3</b>: rule 3 of question 7. A hidden test lists the rules it
 * proves, {@code @Checks({"7.3", "7.4"})}, next to its {@link Points}. The build fails when a rule
 * has no test, when a test names a rule its question's contract does not have, and when a test
 * names none; docs/contract-coverage.md lists every rule with its tests.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Checks {

  /** Returns the rules the test checks, each as {@code "question.rule"}, such as {@code "7.3"}. */
  String[] value();
}
