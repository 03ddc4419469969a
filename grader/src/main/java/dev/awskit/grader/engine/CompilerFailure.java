package dev.awskit.grader.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tells how javac failed as a whole, instead of reporting errors in the code it compiled.
 *
 * @param kind what went wrong
 * @param file the source javac was working on when it failed, or {@code null} when it had not
 *     started on one
 * @param detail what javac threw, for an internal error; empty otherwise
 */
record CompilerFailure(Kind kind, Path file, String detail) {

  /** Says what went wrong. */
  enum Kind {
    STACK,
    MEMORY,
    TIME,
    INTERNAL
  }

  /**
   * Returns the sentence a student reads about this failure.
   *
   * @param shown how to name the code javac failed on, such as {@code dev/a/q02/Foo.java}
   * @param limit how long the grader lets javac take
   */
  String message(String shown, Duration limit) {
    String failed = "The compiler could not compile your code: it ";
    return switch (kind) {
      case STACK -> failed + "ran out of stack space on " + shown
          + " (an expression nested too deeply, or too many chained constants). Simplify that"
          + " code: split long expressions and chains of constants into smaller steps.";
      case MEMORY -> failed + "ran out of memory on " + shown
          + " (a constant, a string or an array written out in the code is too large). Make that"
          + " code smaller: build large values when the code runs.";
      case TIME -> failed + "did not finish " + shown + " within " + shown(limit)
          + ". Simplify that code.";
      case INTERNAL -> failed + "failed with an internal error (" + detail + ") on " + shown
          + ". Write the code that triggers it in a plainer way.";
    };
  }

  private static String shown(Duration limit) {
    return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
  }
}
