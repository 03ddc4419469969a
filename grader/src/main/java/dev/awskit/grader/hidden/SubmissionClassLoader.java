package dev.awskit.grader.hidden;

import dev.awskit.exercises.Exercise;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads a submission's own classes before its parent's, so that a student's class replaces the
 * stub of the same name that the grader's class path also holds.
 *
 * <p>Only two kinds of class come from the submission's roots: the classes that exercise
 * contracts name as their implementation (with their nested classes), and classes of the
 * submission's own that are not exercise contract types. The contract types themselves
 * (interfaces, enums, records, exceptions in {@value #EXERCISES}), the JDK, the grader and the
 * libraries it ships always come from the parent, so a submission can neither replace the
 * interfaces it is graded against nor shadow the types the hidden tests hand to it. This matters
 * when the roots hold the contracts too: the untouched stubs live in the exercises jar next to
 * the interfaces.
 */
final class SubmissionClassLoader extends URLClassLoader {

  static final String EXERCISES = "dev.awskit.exercises.";

  private static final List<String> ALWAYS_PARENT =
      List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.awskit.grader.");

  private static final List<String> LIBRARIES =
      List.of(
          "org.junit.",
          "org.opentest4j.",
          "org.apiguardian.",
          "org.mockito.",
          "net.bytebuddy.",
          "org.objenesis.",
          "org.assertj.",
          "software.amazon.",
          "com.fasterxml.",
          "org.slf4j.",
          "picocli.",
          "com.tngtech.");

  static {
    registerAsParallelCapable();
  }

  SubmissionClassLoader(URL[] roots, ClassLoader parent) {
    super(SubmissionExtension.CLASS_LOADER_NAME, roots, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (startsWithAny(name, ALWAYS_PARENT)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null && comesFromSubmission(name)) {
        type = findClass(name);
      }
      if (type == null) {
        return super.loadClass(name, resolve);
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }

  /** Tells whether the class is one the submission may define, and its roots hold it. */
  private boolean comesFromSubmission(String name) {
    String path = name.replace('.', '/') + ".class";
    if (findResource(path) == null) {
      return false;
    }
    if (name.startsWith(EXERCISES)) {
      return isImplementation(name) || getParent().getResource(path) == null;
    }
    if (startsWithAny(name, LIBRARIES)) {
      return getParent().getResource(path) == null;
    }
    return true;
  }

  /**
   * Tells whether the class, or the class it is nested in, is the implementation that an exercise
   * contract names; the parent's copy of it (the stub) says so by implementing that contract.
   */
  private boolean isImplementation(String name) {
    int nested = name.indexOf('$');
    String outer = nested < 0 ? name : name.substring(0, nested);
    String simpleName = outer.substring(outer.lastIndexOf('.') + 1);
    try {
      Class<?> known = Class.forName(outer, false, getParent());
      for (Class<?> contract : known.getInterfaces()) {
        Exercise exercise = contract.getAnnotation(Exercise.class);
        if (exercise != null
            && exercise.implementation().equals(simpleName)
            && contract.getPackageName().equals(known.getPackageName())) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException | LinkageError unknown) {
      // The parent does not know the class: it is the submission's own.
      return true;
    }
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
