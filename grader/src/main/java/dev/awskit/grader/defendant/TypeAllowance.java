package dev.awskit.grader.defendant;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Says which types may cross between the judge and the defendant, by name, before any is loaded:
 * a tree the submission wrote can name any class, and loading one runs its static initialiser.
 */
final class TypeAllowance {

  /** Packages whose records, enums and SDK models are copied as values. */
  private static final List<String> VALUE_PACKAGES =
      List.of("dev.awskit.exercises.", "software.amazon.awssdk.", "java.");

  /** Packages of interfaces that an object may be passed by handle as. */
  private static final List<String> HANDLE_PACKAGES =
      List.of("dev.awskit.exercises.", "software.amazon.awssdk.", "java.util.function.");

  /** Single interfaces, outside those packages, that an object may be passed by handle as. */
  private static final Set<String> HANDLE_INTERFACES =
      Set.of("java.lang.Runnable", "java.lang.AutoCloseable", "java.io.Closeable");

  /** Exceptions of the grader itself that a submission's call can end with. */
  private static final Set<String> GRADER_THROWABLES =
      Set.of("dev.awskit.grader.hidden.ImplementationProblem");

  private TypeAllowance() {}

  /** Tells whether instances of {@code type} are copied field by field. */
  static boolean allowsValue(Class<?> type) {
    String name = type.getName();
    if (type.isRecord()) {
      return name.startsWith("dev.awskit.exercises.");
    }
    return SdkPojo.class.isAssignableFrom(type) && name.startsWith("software.amazon.awssdk.");
  }

  /** Loads a record, enum or SDK model named in a tree, if its package may cross. */
  static Class<?> loadValueType(String name, ClassLoader loader) {
    if (VALUE_PACKAGES.stream().noneMatch(name::startsWith)) {
      throw new UncopyableValueException("a value of type " + name);
    }
    Class<?> type = load(name, loader);
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new UncopyableValueException("a value of the non-public type " + name);
    }
    return type;
  }

  /** Loads a throwable named in a tree, or returns null when it may not cross. */
  static Class<? extends Throwable> loadThrowable(String name, ClassLoader loader) {
    if (!GRADER_THROWABLES.contains(name) && VALUE_PACKAGES.stream().noneMatch(name::startsWith)) {
      return null;
    }
    try {
      Class<?> type = Class.forName(name, false, loader);
      return Throwable.class.isAssignableFrom(type) && Modifier.isPublic(type.getModifiers())
          ? type.asSubclass(Throwable.class)
          : null;
    } catch (ClassNotFoundException | LinkageError unknown) {
      return null;
    }
  }

  /** Loads an interface named in a handle, if an object may be passed as one. */
  static Class<?> loadInterface(String name, ClassLoader loader) {
    if (!isHandleName(name)) {
      throw new UncopyableValueException("an object as a " + name);
    }
    Class<?> type = load(name, loader);
    if (!type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
      throw new UncopyableValueException("an object as a " + name + ", which is no public interface");
    }
    return type;
  }

  /**
   * Returns the public interfaces of {@code type} that an object may be passed by handle as, the
   * most specific only: {@code S3Client}, not also {@code SdkClient}.
   */
  static List<Class<?>> sharedInterfaces(Class<?> type) {
    Set<Class<?>> all = new LinkedHashSet<>();
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      collect(current.getInterfaces(), all);
    }
    List<Class<?>> shared = new ArrayList<>();
    for (Class<?> candidate : all) {
      if (Modifier.isPublic(candidate.getModifiers())
          && isHandleName(candidate.getName())
          && all.stream().noneMatch(other -> other != candidate && candidate.isAssignableFrom(other)
              && isShared(other))) {
        shared.add(candidate);
      }
    }
    return List.copyOf(shared);
  }

  private static boolean isShared(Class<?> type) {
    return Modifier.isPublic(type.getModifiers()) && isHandleName(type.getName());
  }

  private static boolean isHandleName(String name) {
    return HANDLE_INTERFACES.contains(name) || HANDLE_PACKAGES.stream().anyMatch(name::startsWith);
  }

  private static void collect(Class<?>[] interfaces, Set<Class<?>> all) {
    for (Class<?> type : interfaces) {
      if (all.add(type)) {
        collect(type.getInterfaces(), all);
      }
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError unknown) {
      throw new UncopyableValueException("a value of the unknown type " + name);
    }
  }
}
