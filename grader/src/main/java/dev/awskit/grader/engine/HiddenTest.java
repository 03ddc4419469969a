package dev.awskit.grader.engine;

/**
 * Describes one hidden test as the catalog found it.
 *
 * @param id stable identifier, {@code className#methodName}
 * @param question the question the test belongs to
 * @param className the test class, binary name
 * @param methodName the test method
 * @param displayName what the test checks, in plain words
 * @param points the weight the test declares with {@code @Points} (1 without it)
 */
public record HiddenTest(
    String id, int question, String className, String methodName, String displayName, int points) {

  /** Returns the identifier of a test method. */
  public static String idOf(String className, String methodName) {
    return className + "#" + methodName;
  }

  /** Returns the simple name of the test class, nested classes included ({@code Outer$Inner}). */
  public String classSimpleName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
