package dev.awskit.grader.hidden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a hidden test its weight within its question.
 *
 * <p>A question's score is the sum of the points of its passed tests, scaled to the question's
 * maximum. A test without this annotation weighs one point. An instructor's policy file may
 * override the weight of any test by its method name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {

  /** Returns the weight of the test, at least 1. */
  int value();
}
