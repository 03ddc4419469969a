package dev.awskit.grader.defendant;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Keeps the objects one side of an {@link Endpoint} passed by handle, and the proxies and copies
 * it holds of the other side's, so that an object that goes back comes back as itself.
 */
final class Handles {

  private static final String TO_STRING = "java.lang.Object#toString()";

  /**
   * Holds an exported object, what its calls go to (itself, or an adapter of a stream) and the
   * interfaces its proxies implement.
   */
  record Exported(Object original, Object target, List<Class<?>> interfaces) {}

  private final boolean judge;
  private final ClassLoader loader;
  private final LongFunction<InvocationHandler> remote;
  private final AtomicLong ids = new AtomicLong();
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, Exported> exported = new ConcurrentHashMap<>();
  private final Map<Object, Long> exportIds = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<Object, Long> imported = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<Long, Object> proxies = new ConcurrentHashMap<>();
  private final Map<Class<?>, Map<String, Method>> methods = new ConcurrentHashMap<>();

  /**
   * Creates the handles of one side.
   *
   * @param judge whether this is the judge's side, whose numbers the defendant cannot guess
   * @param loader loads the interfaces of the other side's objects
   * @param remote makes the handler of a proxy of the other side's object with a number
   */
  Handles(boolean judge, ClassLoader loader, LongFunction<InvocationHandler> remote) {
    this.judge = judge;
    this.loader = loader;
    this.remote = remote;
  }

  /** Exports {@code target} under the number 0, the first object the other side calls. */
  void exportRoot(Object target, Class<?> type) {
    exported.put(0L, new Exported(target, target, List.of(type)));
  }

  /** Returns a proxy of the other side's root object. */
  <T> T root(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, remote.apply(0)));
  }

  /**
   * Returns a number for an object this side exports: on the judge's side one the defendant
   * cannot guess, so that it can call only what the tests handed it, not an earlier test's double.
   */
  private long newId() {
    return judge ? random.nextLong() & Long.MAX_VALUE : ids.incrementAndGet();
  }

  /** Exports {@code target} as {@code interfaces} and returns its number, the same every time. */
  long export(Object target, List<Class<?>> interfaces) {
    return export(target, target, interfaces);
  }

  /** Exports {@code stream}, whose reads go through {@code access}, and returns its number. */
  long exportStream(Object stream, StreamAccess access) {
    return export(stream, access, List.of(StreamAccess.class));
  }

  private long export(Object original, Object target, List<Class<?>> interfaces) {
    synchronized (exportIds) {
      Long id = exportIds.get(original);
      if (id == null) {
        id = newId();
        exportIds.put(original, id);
        exported.put(id, new Exported(original, target, interfaces));
      }
      return id;
    }
  }

  /** Returns the object this side exported under {@code id}. */
  Object exported(long id) {
    return target(id).original();
  }

  /** Returns what this side exported under {@code id}, for a call on it. */
  Exported target(long id) {
    Exported target = exported.get(id);
    if (target == null) {
      throw new UncopyableValueException("a reference to an object that was never passed");
    }
    return target;
  }

  /** Returns the other side's number for {@code value}, a proxy or copy that came from it. */
  Optional<Long> originOf(Object value) {
    return Optional.ofNullable(imported.get(value));
  }

  /** Notes that {@code copy} stands for the other side's object {@code id}. */
  void rememberImported(Object copy, long id) {
    imported.put(copy, id);
  }

  /** Returns this side's stand-in for the other side's object {@code id}, of a type not shared. */
  Object standIn(long id, String typeName) {
    return imported(id, () -> new StandIn(typeName));
  }

  /** Returns this side's proxy, as {@code type}, of the other side's object {@code id}. */
  <T> T proxyOf(long id, Class<T> type) {
    return type.cast(
        imported(
            id,
            () ->
                Proxy.newProxyInstance(
                    type.getClassLoader(), new Class<?>[] {type}, remote.apply(id))));
  }

  /** Returns this side's proxy of the other side's object {@code id}, the same every time. */
  Object proxy(long id, List<String> interfaceNames) {
    return imported(
        id,
        () -> {
          Class<?>[] interfaces =
              interfaceNames.stream()
                  .map(name -> TypeAllowance.loadInterface(name, loader))
                  .toArray(Class<?>[]::new);
          if (interfaces.length == 0) {
            throw new UncopyableValueException("an object without an interface");
          }
          return Proxy.newProxyInstance(loader, interfaces, remote.apply(id));
        });
  }

  private Object imported(long id, java.util.function.Supplier<Object> make) {
    return proxies.computeIfAbsent(
        id,
        key -> {
          Object made = make.get();
          imported.put(made, key);
          return made;
        });
  }

  /** Returns the method of {@code target}'s interfaces that {@code key} names. */
  Method resolve(Exported target, String key) throws NoSuchMethodException {
    if (key.equals(TO_STRING)) {
      return Object.class.getMethod("toString");
    }
    for (Class<?> type : target.interfaces()) {
      Method method = methods.computeIfAbsent(type, Handles::byKey).get(key);
      if (method != null) {
        return method;
      }
    }
    throw new NoSuchMethodException("no method " + key + " to call on this object");
  }

  private static Map<String, Method> byKey(Class<?> type) {
    Map<String, Method> byKey = new ConcurrentHashMap<>();
    for (Method candidate : type.getMethods()) {
      byKey.putIfAbsent(keyOf(candidate), candidate);
    }
    return byKey;
  }

  /** Names {@code method} across the two sides: its interface, name and parameter types. */
  static String keyOf(Method method) {
    StringBuilder key =
        new StringBuilder(method.getDeclaringClass().getName()).append('#').append(method.getName());
    key.append('(');
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      key.append(i == 0 ? "" : ",").append(parameters[i].getName());
    }
    return key.append(')').toString();
  }
}
