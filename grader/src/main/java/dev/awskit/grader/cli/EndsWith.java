package dev.awskit.grader.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the exit codes a command can end with beyond those any command can (0, 1 and 2), so that
 * its {@code --help} lists them and no other.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface EndsWith {

  /** Returns the codes, from {@link ExitCodes}. */
  int[] value();
}
