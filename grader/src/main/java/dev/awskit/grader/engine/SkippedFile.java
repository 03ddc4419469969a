package dev.awskit.grader.engine;

/**
 * Reports a source file of the submission that the grader did not compile, and why.
 *
 * @param file the file, relative to the submission's folder, with {@code /} separators
 * @param reason why it was left out, in plain words
 */
public record SkippedFile(String file, String reason) {}
