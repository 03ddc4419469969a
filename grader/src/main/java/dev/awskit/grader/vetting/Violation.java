package dev.awskit.grader.vetting;

import java.util.Objects;

/**
 * Describes one place in a submission's compiled classes that breaks a vetting rule.
 *
 * @param className the binary name of the class that holds the code, nested classes with
 *     {@code $} (e.g. {@code dev.awskit.exercises.q04.S3ObjectTransfer$Copier})
 * @param method the method, as a student reads it: {@code upload(String, Path)},
 *     {@code constructor S3ObjectTransfer(S3Client)}, {@code static initializer}, or
 *     {@code a lambda in upload(String, Path)}
 * @param line the source line, or 0 when the class file holds no line numbers
 * @param sourceFile the source file name from the class file, or an empty string
 * @param ruleId the id of the broken rule, e.g. {@code process-exit}
 * @param detail what the code does there, e.g. {@code calls System.exit(int)}
 * @param reason why that is refused, a clause a student understands
 */
public record Violation(
    String className,
    String method,
    int line,
    String sourceFile,
    String ruleId,
    String detail,
    String reason) {

  private static final String LAMBDA_PREFIX = "a lambda in ";

  /** Checks that every text is present. */
  public Violation {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns the class name without its package, nested classes joined with a dot: {@code
   * Outer.Inner}, {@code Outer.(anonymous class)}, {@code Outer.Local} for a local class.
   */
  public String simpleClassName() {
    return readableName(className);
  }

  /** Returns a binary class name as a student reads it; see {@link #simpleClassName()}. */
  static String readableName(String binaryName) {
    String[] parts = binaryName.substring(binaryName.lastIndexOf('.') + 1).split("\\$", -1);
    StringBuilder name = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      // javac names anonymous classes Outer$1 and local classes Outer$1Local.
      String part = parts[i].replaceFirst("^[0-9]+", "");
      name.append('.').append(part.isEmpty() ? "(anonymous class)" : part);
    }
    return name.toString();
  }

  /**
   * Returns the violation as sentences for the student, e.g. {@code S3ObjectTransfer.upload(String,
   * Path) (S3ObjectTransfer.java:42) calls System.exit(int). This is not allowed: ending the Java
   * process that runs the tests would cut the grading short, ...}.
   */
  public String message() {
    String where =
        line > 0 ? " (" + (sourceFile.isEmpty() ? "line " : sourceFile + ":") + line + ")" : "";
    String subject = detail.startsWith("extends ") ? simpleClassName() : place(method);
    return Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + where + " " + detail
        + ". This is not allowed: " + reason + ".";
  }

  private String place(String method) {
    if (method.startsWith(LAMBDA_PREFIX)) {
      return LAMBDA_PREFIX + place(method.substring(LAMBDA_PREFIX.length()));
    }
    if (method.equals("static initializer")) {
      return "the static initializer of " + simpleClassName();
    }
    if (method.startsWith("constructor ")) {
      return "the " + method;
    }
    return simpleClassName() + "." + method;
  }
}
