package dev.awskit.grader.bench;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Stands in for the untrusted JVM of docs/security/trusted-verdicts.md, to measure what it would
 * cost a submission: loads every class of a solutions jar that implements a contract, creates it
 * with proxies of the clients and callbacks it takes, and calls each contract method once, so that
 * the SDK's model classes and the code the reference uses are loaded as a defendant JVM would load
 * them. The proxies run the clients' default methods and answer the others with an empty
 * response built by its builder. Run by {@code benchmark/defendant-standin}, which times the JVM
 * with and without a class-data archive of what it loads, and by {@link JvmPerSubmissionFloor}.
 */
public final class DefendantStandIn {

  private DefendantStandIn() {}

  /**
   * Calls every contract method of the implementations in a solutions jar or a folder of compiled
   * classes, which must be on the class path.
   *
   * @param args the jar or folder, and a file that the transfer methods may read
   * @throws IllegalStateException when it found no contract to call, so that a run that measured
   *     nothing ends with an error
   */
  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    Path file = Path.of(args[1]);
    int calls = 0;
    for (String name : classFiles(classes)) {
      if (!name.contains("$")) {
        calls += callContracts(name.replace('/', '.').replace(".class", ""), file);
      }
    }
    if (calls == 0) {
      throw new IllegalStateException("No contract method to call in " + classes);
    }
    System.out.println(calls + " contract calls");
  }

  /** Returns the names of the class files in a jar or below a folder, with {@code /}. */
  private static List<String> classFiles(Path classes) throws IOException {
    if (Files.isDirectory(classes)) {
      try (Stream<Path> walk = Files.walk(classes)) {
        return walk.map(path -> classes.relativize(path).toString().replace('\\', '/'))
            .filter(name -> name.endsWith(".class"))
            .sorted()
            .toList();
      }
    }
    try (JarFile jar = new JarFile(classes.toFile())) {
      return Collections.list(jar.entries()).stream()
          .map(JarEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .toList();
    }
  }

  private static int callContracts(String className, Path file) {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException | LinkageError unloadable) {
      return 0;
    }
    Constructor<?>[] constructors = type.getConstructors();
    if (type.isInterface() || type.getInterfaces().length == 0 || constructors.length == 0) {
      return 0;
    }
    Object implementation;
    try {
      implementation = constructors[0].newInstance(values(constructors[0].getParameterTypes(), file));
    } catch (ReflectiveOperationException | RuntimeException refused) {
      return 0;
    }
    int calls = 0;
    for (Class<?> contract : type.getInterfaces()) {
      for (Method method : contract.getMethods()) {
        if (!Modifier.isStatic(method.getModifiers())) {
          try {
            method.invoke(implementation, values(method.getParameterTypes(), file));
          } catch (ReflectiveOperationException | RuntimeException failed) {
            // A failed call loads what a successful one does, up to where it failed.
          }
          calls++;
        }
      }
    }
    return calls;
  }

  private static Object[] values(Class<?>[] types, Path file) {
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      values[i] = value(types[i], file);
    }
    return values;
  }

  private static Object value(Class<?> type, Path file) {
    if (type == int.class) {
      return 3;
    } else if (type == long.class) {
      return 60L;
    } else if (type == boolean.class) {
      return false;
    } else if (type == String.class) {
      return "name";
    } else if (type == Duration.class) {
      return Duration.ofMillis(1);
    } else if (type == Path.class) {
      return file;
    } else if (type == Map.class) {
      return new HashMap<>(Map.of("id", "1"));
    } else if (type == List.class) {
      return new ArrayList<>(List.of("a"));
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    } else if (type.isInterface()) {
      return proxy(type, file);
    }
    return null;
  }

  private static Object proxy(Class<?> type, Path file) {
    InvocationHandler answer =
        (proxy, method, args) -> {
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          return switch (method.getName()) {
            case "toString" -> type.getSimpleName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> emptyResponse(method.getReturnType(), file);
          };
        };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, answer);
  }

  private static Object emptyResponse(Class<?> type, Path file) {
    try {
      Object builder = type.getMethod("builder").invoke(null);
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException | RuntimeException noBuilder) {
      return value(type, file);
    }
  }
}
