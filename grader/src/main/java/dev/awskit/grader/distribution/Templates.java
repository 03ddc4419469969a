package dev.awskit.grader.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads the text templates that ship beside this package's classes. */
final class Templates {

  private Templates() {}

  /**
   * Returns the template at {@code name} (relative to this package) with every {@code @@KEY@@}
   * replaced by its value.
   *
   * @throws IllegalStateException if the template is missing or names a key without a value
   */
  static String read(String name, Map<String, String> values) {
    String text = read(name);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("@@" + value.getKey() + "@@", value.getValue());
    }
    int left = text.indexOf("@@");
    if (left >= 0 && text.indexOf("@@", left + 2) > left) {
      throw new IllegalStateException(
          "Template "
              + name
              + " names a value that was not given near: "
              + text.substring(left, Math.min(text.length(), left + 40)));
    }
    return text;
  }

  /** Returns the template at {@code name} (relative to this package) as it is. */
  static String read(String name) {
    try (InputStream in = Templates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The grader is missing its template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("Cannot read the template " + name, unreadable);
    }
  }
}
