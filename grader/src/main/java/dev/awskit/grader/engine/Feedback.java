package dev.awskit.grader.engine;

import dev.awskit.exercises.NotImplementedYet;
import dev.awskit.grader.hidden.SubmissionExtension;
import dev.awskit.grader.hidden.Thrown;
import dev.awskit.grader.hidden.TimeLimitExceeded;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a failed hidden test threw into feedback a student can act on, keeping the full
 * trace for the instructor.
 *
 * <p>Only the hidden test's own message or the student's own stack frames reach the student:
 * never a frame of the grader, the tests or a library, and never a raw Mockito report.
 */
final class Feedback {

  static final int MAX_FEEDBACK = 2_000;
  static final int MAX_DETAIL = 32_000;

  /** Matches a printed stack frame; group 1 is set for a frame of the submission's loader. */
  private static final Pattern FRAME =
      Pattern.compile(
          "^\\s*at (" + Pattern.quote(SubmissionExtension.CLASS_LOADER_NAME) + "/[^/\\s]*/)?"
              + "(?:[^\\s/]*/){0,2}([\\w.$]+)\\.([\\w$<>]+)\\([^):]*(?::(\\d+))?\\)\\s*$");

  private static final Pattern OMITTED =
      Pattern.compile("^\\s*(\\.\\.\\.\\s*\\d+ more|\\.\\.\\.\\(\\d+ remaining lines.*)\\s*$");

  private final Duration timeLimit;

  Feedback(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  /** Describes a test that ended with {@code thrown}. */
  TestOutcome of(Throwable thrown) {
    String detail = truncate(traceOf(thrown), MAX_DETAIL);
    if (isTimeout(thrown)) {
      return new TestOutcome.TimedOut(timedOut(thrown), detail);
    }
    Optional<NotImplementedYet> notImplemented = notImplemented(thrown);
    if (notImplemented.isPresent()) {
      return new TestOutcome.NotImplemented(notImplemented.get().getMessage(), detail);
    }
    if (thrown instanceof AssertionError && !isMockito(thrown)) {
      return new TestOutcome.Failed(assertionMessage(thrown), detail);
    }
    Optional<StackTraceElement> where = studentFrame(thrown);
    if (isMockito(thrown)) {
      String message =
          thrown instanceof AssertionError
              ? "The test expected your code to call the AWS client differently."
              : "Your code called the AWS client in a way the test did not prepare for.";
      return where.<TestOutcome>map(
              frame -> new TestOutcome.Threw(message + " " + at(frame), detail))
          .orElseGet(() -> new TestOutcome.Failed(message, detail));
    }
    if (where.isPresent()) {
      return new TestOutcome.Threw(
          truncate("Your code threw " + describe(thrown) + " " + at(where.get()), MAX_FEEDBACK),
          detail);
    }
    return new TestOutcome.Failed(
        truncate(
            "The test could not check your code: " + describe(thrown)
                + ". Look at what your method returns or passes on.",
            MAX_FEEDBACK),
        detail);
  }

  /** Describes a test that never ran because a part of the run around it failed. */
  TestOutcome notRun(String why, Throwable thrown) {
    String reason = thrown == null ? why : why + ": " + describe(thrown);
    return new TestOutcome.NotRun(
        truncate(reason, MAX_FEEDBACK), thrown == null ? "" : truncate(traceOf(thrown), MAX_DETAIL));
  }

  private String timedOut(Throwable thrown) {
    String message =
        "The test did not finish within " + format(timeLimit)
            + ": your code may loop forever, or wait for something that never happens.";
    return studentFrame(thrown)
        .map(frame -> message + " It was still running " + location(frame) + ".")
        .orElse(message);
  }

  private static boolean isTimeout(Throwable thrown) {
    return Thrown.chainOf(thrown).stream().anyMatch(TimeLimitExceeded.class::isInstance);
  }

  /** Finds the stub's exception among the causes: by its type, whatever a message says. */
  private static Optional<NotImplementedYet> notImplemented(Throwable thrown) {
    return Thrown.chainOf(thrown).stream()
        .filter(NotImplementedYet.class::isInstance)
        .map(NotImplementedYet.class::cast)
        .findFirst();
  }

  private static boolean isMockito(Throwable thrown) {
    return thrown.getClass().getName().startsWith("org.mockito.");
  }

  private static String assertionMessage(Throwable thrown) {
    String message = thrown.getMessage();
    if (message == null || message.isBlank()) {
      return "A check of this test failed (it gave no message).";
    }
    return truncate(withoutStackTraces(message), MAX_FEEDBACK);
  }

  /**
   * Removes the stack traces that some assertion messages embed (AssertJ prints the trace of an
   * unexpected exception), keeping only where the student's code threw it.
   */
  static String withoutStackTraces(String message) {
    StringBuilder kept = new StringBuilder();
    String studentLocation = null;
    for (String line : message.split("\\R")) {
      Matcher frame = FRAME.matcher(line);
      if (frame.matches()) {
        if (studentLocation == null && frame.group(1) != null) {
          studentLocation = simpleName(frame.group(2)) + "." + frame.group(3)
              + (frame.group(4) == null ? "" : ":" + frame.group(4));
        }
        continue;
      }
      if (OMITTED.matcher(line).matches()) {
        continue;
      }
      kept.append(line).append('\n');
    }
    String text = kept.toString().strip();
    return studentLocation == null ? text : text + "\n(thrown at " + studentLocation + ")";
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Returns the innermost student frame: where the exception left the student's own code. */
  static Optional<StackTraceElement> studentFrame(Throwable thrown) {
    for (Throwable cause : Thrown.chainOf(thrown)) {
      for (StackTraceElement frame : cause.getStackTrace()) {
        if (SubmissionExtension.CLASS_LOADER_NAME.equals(frame.getClassLoaderName())) {
          return Optional.of(frame);
        }
      }
    }
    return Optional.empty();
  }

  private static String describe(Throwable thrown) {
    String message = thrown.getMessage();
    String name = thrown.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message.strip();
  }

  private static String at(StackTraceElement frame) {
    return "(at " + location(frame) + ")";
  }

  private static String location(StackTraceElement frame) {
    String className = frame.getClassName();
    String simple = className.substring(className.lastIndexOf('.') + 1);
    int line = frame.getLineNumber();
    return simple + "." + frame.getMethodName() + (line > 0 ? ":" + line : "");
  }

  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return millis + " ms";
  }

  static String traceOf(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit) + " [...]";
  }
}
