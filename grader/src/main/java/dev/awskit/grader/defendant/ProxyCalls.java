package dev.awskit.grader.defendant;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.function.BiPredicate;

/**
 * Forwards the calls of a proxy to the other side's object it stands for, except equality, which
 * is the proxy's own, and the default methods this side runs itself.
 */
final class ProxyCalls implements InvocationHandler {

  private final Endpoint endpoint;
  private final long id;
  private final BiPredicate<Method, Object[]> runsLocally;

  ProxyCalls(Endpoint endpoint, long id, BiPredicate<Method, Object[]> runsLocally) {
    this.endpoint = endpoint;
    this.id = id;
    this.runsLocally = runsLocally;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == arguments[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> endpoint.call(id, Object.class.getMethod("toString"), null);
      };
    }
    Object[] given = arguments == null ? new Object[0] : arguments;
    if (method.isDefault() && runsLocally.test(method, given)) {
      return InvocationHandler.invokeDefault(proxy, method, arguments);
    }
    return endpoint.call(id, method, given);
  }
}
