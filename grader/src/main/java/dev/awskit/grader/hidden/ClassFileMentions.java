package dev.awskit.grader.hidden;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, among a submission's class files, those that could be a subtype of a given type, without
 * loading any: a class file names its superclass and its interfaces in its constant pool, so a
 * subtype of a type names that type or names another class of the submission that does.
 *
 * <p>It errs only on the side of too many: a class that merely uses the type is found too, and is
 * left out later by the class's own supertypes. A name outside ASCII, which a class file may
 * encode differently, counts as named everywhere.
 */
final class ClassFileMentions {

  private final Map<String, byte[]> classFiles;

  /**
   * Creates a finder over {@code classFiles}: the bytes of each class file by the binary name of
   * its class.
   */
  ClassFileMentions(Map<String, byte[]> classFiles) {
    this.classFiles = new LinkedHashMap<>(classFiles);
  }

  /**
   * Returns the binary names of the classes whose class files name {@code type}, directly or
   * through other classes of these files, in the order the files were given.
   *
   * @param type the binary name of the type, such as {@code dev.awskit.exercises.q06.ItemStore}
   */
  List<String> namingDirectlyOrNot(String type) {
    List<String> found = new ArrayList<>();
    List<String> named = new ArrayList<>(List.of(type));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
        String name = file.getKey();
        if (!found.contains(name) && namesAny(file.getValue(), named)) {
          found.add(name);
          named.add(name);
          grew = true;
        }
      }
    }
    List<String> inOrder = new ArrayList<>(classFiles.keySet());
    inOrder.retainAll(found);
    return inOrder;
  }

  private static boolean namesAny(byte[] classFile, List<String> types) {
    for (String type : types) {
      String internal = type.replace('.', '/');
      if (!isAscii(internal) || contains(classFile, internal.getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(String text) {
    return text.chars().allMatch(character -> character > 0 && character < 0x80);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int start = 0; start <= haystack.length - needle.length; start++) {
      for (int index = 0; index < needle.length; index++) {
        if (haystack[start + index] != needle[index]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
