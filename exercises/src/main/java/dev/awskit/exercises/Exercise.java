package dev.awskit.exercises;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as the contract of one exercise and names the class that fulfils it.
 *
 * <p>The class named by {@link #implementation()} lives in the same package as the interface.
 * Tests, public and hidden alike, never call that class by name: they build it through the
 * constructor whose parameter types {@link #constructor()} lists, handing in mocks of the AWS
 * clients. Keep that constructor exactly as declared, or no test can build your class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exercise {

  /** Returns the question number, 1 to 12. */
  int number();

  /** Returns a short title of the question. */
  String title();

  /** Returns the simple name of the class that implements the contract. */
  String implementation();

  /** Returns the parameter types of the constructor that every implementation must have. */
  Class<?>[] constructor() default {};
}
