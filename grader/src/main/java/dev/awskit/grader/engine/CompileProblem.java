package dev.awskit.grader.engine;

import java.util.List;

/**
 * Reports a source file that did not compile and was left out of the submission.
 *
 * @param file the file, relative to the submission's folder, with {@code /} separators
 * @param question the question the file belongs to, or {@code null} when it belongs to none
 * @param messages the compiler's messages, each {@code file:line: message}, or the sentence that
 *     tells how the compiler failed as a whole on the file
 */
public record CompileProblem(String file, Integer question, List<String> messages) {

  /** Creates a problem; the messages are copied. */
  public CompileProblem {
    messages = List.copyOf(messages);
  }
}
