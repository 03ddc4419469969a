package dev.awskit.grader.engine;

/**
 * Reports code of a submission that the static vetting refused, and the question it costs.
 *
 * <p>A refused question's hidden tests are not run: its code never runs at all. A violation in a
 * class that no question's implementation uses costs nothing and is reported with no question, as a
 * warning.
 *
 * @param question the question whose tests were not run because of it, or {@code null} when no
 *     question uses the code
 * @param className the binary name of the class that holds the code
 * @param method the method, as a student reads it, e.g. {@code upload(String, Path)}
 * @param line the source line, or 0 when unknown
 * @param file the source file name the class file records, or an empty string
 * @param rule the id of the broken rule, e.g. {@code process-exit}
 * @param message the violation in sentences for the student: where, what, and why it is refused
 */
public record VettingProblem(
    Integer question,
    String className,
    String method,
    int line,
    String file,
    String rule,
    String message) {}
