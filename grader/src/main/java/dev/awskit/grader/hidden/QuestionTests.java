package dev.awskit.grader.hidden;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of hidden tests for one question, lets its tests receive a {@link Submission} and
 * runs them under the grader's time limit ({@link TimeLimitExtension}).
 *
 * <p>Every method of such a class that is a Jupiter test counts toward the question named here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({SubmissionExtension.class, TimeLimitExtension.class})
public @interface QuestionTests {

  /** Returns the question number, 1 to 12. */
  int value();
}
