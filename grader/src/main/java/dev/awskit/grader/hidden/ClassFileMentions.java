package dev.awskit.grader.hidden;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, among a submission's class files, those that could be a subtype of a given type, without
 * loading any: a class file names its superclass and its interfaces among the classes of its
 * constant pool, so a subtype of a type names that type or names another class of the submission
 * that does.
 *
 * <p>It errs only on the side of too many: a class that merely uses the type is found too, and is
 * left out later by the class's own supertypes. A file whose constant pool cannot be read counts
 * as naming every type.
 */
final class ClassFileMentions {

  /**
   * The internal names of the classes each class file's constant pool holds, by the binary name of
   * its class; empty for a file that cannot be read.
   */
  private final Map<String, Optional<Set<String>>> named = new LinkedHashMap<>();
  /** The binary names of the classes whose files name a type, by the type's internal name. */
  private final Map<String, List<String>> namedBy = new HashMap<>();

  /**
   * Creates a finder over {@code classFiles}: the bytes of each class file by the binary name of
   * its class.
   */
  ClassFileMentions(Map<String, byte[]> classFiles) {
    classFiles.forEach(
        (name, bytes) -> {
          Optional<Set<String>> types = classesOfConstantPool(bytes);
          named.put(name, types);
          for (String type : types.orElse(Set.of())) {
            namedBy.computeIfAbsent(type, key -> new ArrayList<>()).add(name);
          }
        });
  }

  /**
   * Returns the binary names of the classes whose class files name {@code type}, directly or
   * through other classes of these files, in the order the files were given.
   *
   * @param type the binary name of the type, such as {@code dev.awskit.exercises.q06.ItemStore}
   */
  List<String> namingDirectlyOrNot(String type) {
    Set<String> found = new HashSet<>();
    named.forEach(
        (name, types) -> {
          if (types.isEmpty()) {
            found.add(name);
          }
        });
    Deque<String> toFollow = new ArrayDeque<>(found);
    toFollow.add(type);
    while (!toFollow.isEmpty()) {
      String next = toFollow.remove().replace('.', '/');
      for (String naming : namedBy.getOrDefault(next, List.of())) {
        if (found.add(naming)) {
          toFollow.add(naming);
        }
      }
    }
    return named.keySet().stream().filter(found::contains).toList();
  }

  /**
   * Returns the internal names of the classes a class file's constant pool holds, or empty when
   * the bytes are not a class file this reader knows.
   */
  private static Optional<Set<String>> classesOfConstantPool(byte[] classFile) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
      if (in.readInt() != 0xCAFEBABE) {
        return Optional.empty();
      }
      in.readUnsignedShort(); // minor version
      in.readUnsignedShort(); // major version
      int count = in.readUnsignedShort();
      Map<Integer, String> texts = new HashMap<>();
      List<Integer> classNames = new ArrayList<>();
      for (int index = 1; index < count; index++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> texts.put(index, in.readUTF());
          case 7 -> classNames.add(in.readUnsignedShort());
          case 8, 16, 19, 20 -> in.skipNBytes(2);
          case 15 -> in.skipNBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          case 5, 6 -> {
            in.skipNBytes(8);
            index++; // a long or a double takes two entries
          }
          default -> {
            return Optional.empty();
          }
        }
      }
      Set<String> classes = new HashSet<>();
      for (int nameIndex : classNames) {
        String name = texts.get(nameIndex);
        if (name == null) {
          return Optional.empty();
        }
        classes.add(name);
      }
      return Optional.of(classes);
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }
}
