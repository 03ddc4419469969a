package dev.awskit.grader.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines the hidden tests' classes in a worker from the bytes the grader sent, and serves no
 * resource: a class is defined once, its bytes then dropped, and asking this loader for {@code
 * x.class} finds nothing, so code under grading cannot read the tests through it.
 */
final class HiddenClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classes;

  /** Creates a loader of {@code classes} (binary name to class file) under {@code parent}. */
  HiddenClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    super("awskit-hidden-tests", parent);
    this.classes = new ConcurrentHashMap<>(classes);
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
