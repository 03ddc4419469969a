package dev.awskit.grader.vetting;

/**
 * Reads array type names, in either form ArchUnit gives them ({@code java.lang.String[]}, or the
 * binary {@code [Ljava.lang.String;}), for the array types the import leaves unresolved.
 */
final class TypeNames {

  private TypeNames() {}

  /** Returns how many dimensions the array type {@code name} has; 0 for a type that is no array. */
  static int dimensions(String name) {
    int leading = 0;
    while (leading < name.length() && name.charAt(leading) == '[') {
      leading++;
    }
    if (leading > 0) {
      return leading;
    }
    int trailing = 0;
    for (int end = name.length(); end >= 2 && name.startsWith("[]", end - 2); end -= 2) {
      trailing++;
    }
    return trailing;
  }

  /** Returns the element type of the array type {@code name}: {@code java.lang.String}, {@code int}. */
  static String elementName(String name) {
    int dimensions = dimensions(name);
    if (!name.startsWith("[")) {
      return name.substring(0, name.length() - 2 * dimensions);
    }
    String element = name.substring(dimensions);
    return switch (element) {
      case "Z" -> "boolean";
      case "B" -> "byte";
      case "C" -> "char";
      case "S" -> "short";
      case "I" -> "int";
      case "J" -> "long";
      case "F" -> "float";
      case "D" -> "double";
      default ->
          element.startsWith("L") && element.endsWith(";")
              ? element.substring(1, element.length() - 1)
              : element;
    };
  }
}
