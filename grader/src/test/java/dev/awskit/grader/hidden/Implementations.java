package dev.awskit.grader.hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells the grader's own tests which classes of a compiled submission the hidden tests would
 * take as the implementation of each exercise contract, chosen exactly as they choose: every
 * class under the roots loaded by a submission class loader, not initialised.
 */
public final class Implementations {

  private Implementations() {}

  /**
   * Returns, by contract (binary name), the sorted names of the classes under {@code roots} that
   * the hidden tests of that contract's question could take as its implementation; contracts no
   * class implements are left out.
   */
  public static Map<String, List<String>> in(List<Path> roots, List<String> contracts) {
    Map<String, List<String>> found = new TreeMap<>();
    try (SubmissionClasses classes = SubmissionClasses.open(roots)) {
      for (String contract : contracts) {
        List<String> names =
            classes.candidatesFor(contractType(contract)).stream()
                .map(Class::getName)
                .sorted()
                .toList();
        if (!names.isEmpty()) {
          found.put(contract, names);
        }
      }
    } catch (IOException unclosable) {
      throw new UncheckedIOException(unclosable);
    }
    return found;
  }

  private static Class<?> contractType(String contract) {
    try {
      return Class.forName(contract, false, Implementations.class.getClassLoader());
    } catch (ClassNotFoundException missing) {
      throw new IllegalArgumentException("No exercise contract " + contract, missing);
    }
  }
}
