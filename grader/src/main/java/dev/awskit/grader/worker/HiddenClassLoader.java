package dev.awskit.grader.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines the hidden tests' classes in a worker from the bytes the grader sent, all of them as the
 * worker starts, before any code under grading runs, and then holds no class file: it serves no
 * resource, so asking it for {@code x.class} finds nothing, and no field of it holds the bytes.
 */
final class HiddenClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classes;

  private HiddenClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    super("awskit-hidden-tests", parent);
    this.classes = new ConcurrentHashMap<>(classes);
  }

  /**
   * Returns a loader under {@code parent} that has defined every class of {@code classes} (binary
   * name to class file); a class that cannot be defined fails the tests that use it, as it would
   * from a jar.
   */
  static HiddenClassLoader defining(Map<String, byte[]> classes, ClassLoader parent) {
    HiddenClassLoader loader = new HiddenClassLoader(classes, parent);
    for (String name : List.copyOf(classes.keySet())) {
      try {
        loader.loadClass(name);
      } catch (ClassNotFoundException | LinkageError undefinable) {
        // JUnit reports it when a test needs the class.
      }
    }
    loader.classes.clear();
    return loader;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.remove(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
