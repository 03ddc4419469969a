package dev.awskit.grader.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Shows javac the class path without the grader's copies of the classes a student implements.
 *
 * <p>The exercise stubs ship beside the contracts, and the grader runs its own copy of a stub
 * when a submission has none; javac does not compile against them, though, so a submission
 * compiles as it would in a project of its own files and the contracts. It also lets javac's
 * context be kept after a submission ({@link JavacContexts}): a context is dropped when a class
 * it compiled has the name of one on the class path, and nearly every submission declares the
 * classes the stubs are.
 */
final class ContractsClassPath extends ForwardingJavaFileManager<StandardJavaFileManager> {

  private final Set<String> hidden;
  // Packages found to hold classes: the class path never changes, so a yes stays true. Bounded by
  // the class path's packages; a submission's own packages (a no) are asked again.
  private final Set<String> packagesHeld = ConcurrentHashMap.newKeySet();
  private final Set<String> packagesHeldUnder = ConcurrentHashMap.newKeySet();

  /** Hides the classes named in {@code hidden} (binary names), with their nested classes. */
  ContractsClassPath(StandardJavaFileManager files, Set<String> hidden) {
    super(files);
    this.hidden = Set.copyOf(hidden);
  }

  /** Returns the standard file manager this one shows, for what only it can do. */
  StandardJavaFileManager standard() {
    return fileManager;
  }

  @Override
  public Iterable<JavaFileObject> list(
      Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
      throws IOException {
    Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
    if (location != StandardLocation.CLASS_PATH) {
      return listed;
    }
    List<JavaFileObject> shown = new ArrayList<>();
    for (JavaFileObject file : listed) {
      if (!isHidden(inferBinaryName(location, file))) {
        shown.add(file);
      }
    }
    return shown;
  }

  @Override
  public JavaFileObject getJavaFileForInput(
      Location location, String className, JavaFileObject.Kind kind) throws IOException {
    if (location == StandardLocation.CLASS_PATH && isHidden(className)) {
      return null;
    }
    return super.getJavaFileForInput(location, className, kind);
  }

  /** Tells whether javac would find {@code className} on the class path it is shown. */
  boolean holds(String className) throws IOException {
    return getJavaFileForInput(StandardLocation.CLASS_PATH, className, JavaFileObject.Kind.CLASS)
        != null;
  }

  private boolean holdsClassesOf(String packageName) throws IOException {
    if (packagesHeld.contains(packageName)) {
      return true;
    }
    Set<JavaFileObject.Kind> classes = Set.of(JavaFileObject.Kind.CLASS);
    for (JavaFileObject file : super.list(StandardLocation.CLASS_PATH, packageName, classes, false)) {
      if (!isHidden(inferBinaryName(StandardLocation.CLASS_PATH, file))) {
        packagesHeld.add(packageName);
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether {@code packageName} exists for every compile alike: the JDK's modules export it,
   * or javac finds classes of it on the class path.
   */
  boolean holdsPackage(String packageName) {
    return JdkPackages.EXPORTED.contains(packageName) || holdsOnClassPath(packageName);
  }

  /** Tells whether javac finds classes of {@code packageName} on the class path. */
  boolean holdsOnClassPath(String packageName) {
    try {
      return !packageName.isEmpty() && holdsClassesOf(packageName);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Tells whether {@code packageName} or a package within it holds classes on the class path. */
  boolean holdsClassesUnder(String packageName) {
    if (packagesHeldUnder.contains(packageName) || classPathHoldsUnder(packageName)) {
      packagesHeldUnder.add(packageName);
      return true;
    }
    return false;
  }

  private boolean classPathHoldsUnder(String packageName) {
    Set<JavaFileObject.Kind> classes = Set.of(JavaFileObject.Kind.CLASS);
    try {
      for (JavaFileObject file :
          super.list(StandardLocation.CLASS_PATH, packageName, classes, true)) {
        if (!isHidden(inferBinaryName(StandardLocation.CLASS_PATH, file))) {
          return true;
        }
      }
      return false;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Tells whether javac would find any of {@code classNames} (binary names) on the class path. */
  boolean holdsAnyOf(Collection<String> classNames) {
    try {
      for (String className : classNames) {
        if (holds(className)) {
          return true;
        }
      }
      return false;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /**
   * Drops what the file manager keeps of the sources it read: {@code flush} empties javac's
   * content cache, which holds every source file an entry, and its listings of the class path,
   * which it makes again when asked.
   */
  void forgetSources() {
    try {
      flush();
    } catch (IOException unflushable) {
      throw new UncheckedIOException(unflushable);
    }
  }

  /**
   * Tells whether a class compiled into {@code output} has the name of a class on the class path
   * javac is shown: one that would hide that class from a kept context's later tasks.
   */
  boolean holdsAnyClassIn(Path output) {
    try (Stream<Path> walk = Files.walk(output)) {
      return holdsAnyOf(
          walk.map(file -> output.relativize(file).toString())
              .filter(relative -> relative.endsWith(".class"))
              .map(
                  relative ->
                      relative
                          .substring(0, relative.length() - ".class".length())
                          .replace(File.separatorChar, '.'))
              .toList());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private boolean isHidden(String className) {
    if (className == null) {
      return false;
    }
    int nested = className.indexOf('$');
    return hidden.contains(nested < 0 ? className : className.substring(0, nested));
  }

  /**
   * Holds the packages the JDK's modules in this JVM's boot layer export to everyone, read once
   * when first asked. javac may see fewer (with {@code --release}); a package it cannot see fails
   * to import on a kept context as on a new one.
   */
  private static final class JdkPackages {

    static final Set<String> EXPORTED =
        ModuleLayer.boot().modules().stream()
            .flatMap(module -> module.getDescriptor().exports().stream())
            .filter(export -> !export.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toUnmodifiableSet());

    private JdkPackages() {}
  }
}
