package dev.awskit.grader.hidden;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads a submission's own classes before its parent's, so that a student's class replaces the
 * stub of the same name that the grader's class path also holds.
 *
 * <p>The JDK's and the grader's own classes always come from the parent, so a submission cannot
 * replace them. The exercise contracts are never compiled into a submission, so they too come
 * from the parent.
 */
final class SubmissionClassLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  SubmissionClassLoader(URL[] roots, ClassLoader parent) {
    super("submission", roots, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith("java.") || name.startsWith("dev.awskit.grader.")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null && findResource(name.replace('.', '/') + ".class") != null) {
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
}
