package dev.awskit.grader.hidden;

import dev.awskit.exercises.Exercise;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Holds a submission's classes and builds implementations of contracts. A class is loaded when a
 * contract may need it: {@link ClassFileMentions} picks the classes that could implement the
 * contract from their class files, so a launch that tests one question loads that question's
 * classes, not the whole submission's.
 */
public final class SubmissionClasses implements Submission, AutoCloseable {

  private final Closeable loader;
  /** Loads the classes that could implement a contract, loaded ones only. */
  private final Function<Class<?>, List<Class<?>>> related;
  private final Map<Class<?>, List<Class<?>>> relatedByContract = new ConcurrentHashMap<>();

  private SubmissionClasses(Closeable loader, Function<Class<?>, List<Class<?>>> related) {
    this.loader = loader;
    this.related = related;
  }

  /**
   * Takes the classes under the roots from the class loader of the grader itself, which must
   * already see them, instead of a loader of their own. Only mutation analysis wants this: the
   * mutation tool changes the classes the grader's loader holds, and a loader of their own would
   * test the unchanged bytes. A submission graded this way is not walled off from the grader.
   */
  static SubmissionClasses shared(List<Path> roots) {
    ClassLoader grader = SubmissionClasses.class.getClassLoader();
    List<Class<?>> classes = new ArrayList<>();
    for (String name : classFiles(roots).keySet()) {
      try {
        classes.add(Class.forName(name, false, grader));
      } catch (ClassNotFoundException | LinkageError unusable) {
        // As in open: a class that cannot be linked implements nothing the tests could use.
      }
    }
    List<Class<?>> all = List.copyOf(classes);
    return new SubmissionClasses(() -> {}, contract -> all);
  }

  /** Opens the classes under the roots in a class loader of their own. */
  public static SubmissionClasses open(List<Path> roots) {
    return open(roots, mentionsOf(roots));
  }

  /**
   * Reads which classes the class files under the roots name, for {@link #open(List,
   * ClassFileMentions)}.
   */
  static ClassFileMentions mentionsOf(List<Path> roots) {
    return new ClassFileMentions(classFiles(roots));
  }

  /**
   * Opens the classes under the roots in a class loader of their own, taking the candidates for
   * each contract from {@code mentions}, read from the same roots before.
   */
  static SubmissionClasses open(List<Path> roots, ClassFileMentions mentions) {
    SubmissionClassLoader loader =
        new SubmissionClassLoader(
            roots.stream().map(SubmissionClasses::toUrl).toArray(URL[]::new),
            SubmissionClasses.class.getClassLoader());
    return new SubmissionClasses(
        loader,
        contract -> {
          List<Class<?>> classes = new ArrayList<>();
          for (String name : mentions.namingDirectlyOrNot(contract.getName())) {
            try {
              Class<?> type = Class.forName(name, false, loader);
              if (type.getClassLoader() == loader) {
                classes.add(type);
              }
            } catch (ClassNotFoundException | LinkageError unusable) {
              // A class that cannot even be linked implements nothing the tests could use.
            }
          }
          return List.copyOf(classes);
        });
  }

  @Override
  public <T> T create(Class<T> contract, Object... constructorArguments) {
    Exercise exercise = contract.getAnnotation(Exercise.class);
    if (exercise == null) {
      throw new IllegalArgumentException(contract + " is not an exercise contract");
    }
    Class<? extends T> implementation = implementationOf(contract, exercise);
    Constructor<? extends T> constructor = constructorOf(implementation, exercise);
    try {
      return constructor.newInstance(constructorArguments);
    } catch (InvocationTargetException thrown) {
      Throwable cause = thrown.getCause();
      throw new ImplementationProblem(
          "Creating " + implementation.getSimpleName() + " failed: its constructor threw "
              + describe(cause),
          cause);
    } catch (ExceptionInInitializerError failed) {
      throw new ImplementationProblem(
          "Loading " + implementation.getSimpleName() + " failed: its static initialiser threw "
              + describe(failed.getCause()),
          failed.getCause());
    } catch (NoClassDefFoundError initialisedBefore) {
      if (String.valueOf(initialisedBefore.getMessage()).startsWith("Could not initialize class")) {
        // The JVM tries a static initialiser once; later tests only learn that it failed.
        throw new ImplementationProblem(
            "Loading " + implementation.getSimpleName() + " failed: its static initialiser threw"
                + " an exception in an earlier test of this question, which names it.",
            initialisedBefore);
      }
      throw new ImplementationProblem(
          implementation.getSimpleName() + " cannot be used: " + describe(initialisedBefore),
          initialisedBefore);
    } catch (LinkageError | ReflectiveOperationException unusable) {
      throw new ImplementationProblem(
          implementation.getSimpleName() + " cannot be used: " + describe(unusable), unusable);
    }
  }

  private <T> Class<? extends T> implementationOf(Class<T> contract, Exercise exercise) {
    List<Class<? extends T>> candidates = candidatesFor(contract);
    if (candidates.isEmpty()) {
      throw new ImplementationProblem(
          "Your submission has no class that implements " + contract.getSimpleName()
              + ". Write the class " + exercise.implementation() + " in package "
              + contract.getPackageName() + " so that it implements " + contract.getSimpleName()
              + ".");
    }
    if (candidates.size() > 1) {
      throw new ImplementationProblem(
          "Your submission has " + candidates.size() + " classes that implement "
              + contract.getSimpleName() + " ("
              + candidates.stream().map(Class::getName).sorted().collect(Collectors.joining(", "))
              + "); keep exactly one, so the grader knows which to test.");
    }
    return candidates.get(0);
  }

  /**
   * Returns the submission's classes the tests could take as the implementation of {@code
   * contract}: those that can be assigned to it and are neither interfaces nor abstract.
   */
  <T> List<Class<? extends T>> candidatesFor(Class<T> contract) {
    return relatedByContract.computeIfAbsent(contract, related).stream()
        .filter(contract::isAssignableFrom)
        .filter(type -> !type.isInterface() && !Modifier.isAbstract(type.getModifiers()))
        .<Class<? extends T>>map(type -> type.asSubclass(contract))
        .toList();
  }

  private static <T> Constructor<? extends T> constructorOf(
      Class<? extends T> implementation, Exercise exercise) {
    String signature =
        implementation.getSimpleName() + "("
            + Arrays.stream(exercise.constructor())
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", "))
            + ")";
    try {
      Constructor<? extends T> constructor =
          implementation.getDeclaredConstructor(exercise.constructor());
      if (!Modifier.isPublic(constructor.getModifiers())
          || !Modifier.isPublic(implementation.getModifiers())) {
        throw new ImplementationProblem(
            "The class and its constructor " + signature + " must both be public.");
      }
      return constructor;
    } catch (NoSuchMethodException missing) {
      throw new ImplementationProblem(
          implementation.getSimpleName() + " has no constructor " + signature
              + "; the tests build your class through exactly that constructor.");
    } catch (LinkageError unusable) {
      throw new ImplementationProblem(
          implementation.getSimpleName() + " cannot be used: " + describe(unusable), unusable);
    }
  }

  private static String describe(Throwable thrown) {
    if (thrown == null) {
      return "an error without details";
    }
    String message = thrown.getMessage();
    return thrown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /**
   * Reads the class files under the roots, by class name in name order. It reads them through
   * {@code java.io}, as the JVM's class loading does, on purpose: in a worker JVM {@code
   * java.nio.file} reaches only the sandbox, and the roots lie outside it, where the grader
   * compiled them. The static vetting refuses {@code java.io} files to the submission itself.
   */
  private static Map<String, byte[]> classFiles(List<Path> roots) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      for (Path root : roots) {
        File file = root.toFile();
        if (file.isDirectory()) {
          addClassFiles(file, "", files);
        } else if (file.isFile()) {
          try (JarFile jar = new JarFile(file)) {
            for (JarEntry entry : Collections.list(jar.entries())) {
              String name = entry.getName();
              if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                try (InputStream in = jar.getInputStream(entry)) {
                  files.put(toClassName(name), in.readAllBytes());
                }
              }
            }
          }
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    files.keySet().removeIf(name -> name.endsWith("module-info"));
    return files;
  }

  private static void addClassFiles(File folder, String prefix, Map<String, byte[]> files)
      throws IOException {
    File[] children = folder.listFiles();
    if (children == null) {
      throw new IOException("Cannot list the submission's classes in " + folder);
    }
    for (File child : children) {
      String path = prefix + child.getName();
      if (child.isDirectory()) {
        addClassFiles(child, path + "/", files);
      } else if (path.endsWith(".class")) {
        try (InputStream in = new FileInputStream(child)) {
          files.put(toClassName(path), in.readAllBytes());
        }
      }
    }
  }

  private static String toClassName(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }

  private static URL toUrl(Path root) {
    try {
      return root.toUri().toURL();
    } catch (MalformedURLException impossible) {
      throw new IllegalArgumentException(root.toString(), impossible);
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
