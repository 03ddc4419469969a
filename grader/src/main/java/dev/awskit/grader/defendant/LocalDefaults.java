package dev.awskit.grader.defendant;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * Says which default methods of the judge's objects the defendant runs itself, as the doubles
 * would run them in one JVM ({@code ClientDouble}): the {@code Consumer<Builder>} overloads, the
 * paginators and the conveniences of an SDK client build their request and end in the overload
 * that carries it, which crosses to the double. Every other call crosses.
 */
final class LocalDefaults {

  private static final ClassValue<Set<Class<?>>> STREAMING_REQUESTS =
      new ClassValue<>() {
        @Override
        protected Set<Class<?>> computeValue(Class<?> clientType) {
          return Arrays.stream(clientType.getMethods())
              .filter(
                  method ->
                      method.getParameterCount() == 2
                          && method.getParameterTypes()[1] == ResponseTransformer.class)
              .map(method -> method.getParameterTypes()[0])
              .collect(Collectors.toUnmodifiableSet());
        }
      };

  private LocalDefaults() {}

  /** Tells whether the defendant runs {@code method}, a default method, on its side. */
  static boolean runsInDefendant(Method method, Object[] arguments) {
    return arguments.length > 0
        && (arguments[0] instanceof Consumer || arguments[0] instanceof SdkRequest)
        && !carriesRequest(method, arguments);
  }

  private static boolean carriesRequest(Method method, Object[] arguments) {
    if (!(arguments[0] instanceof SdkRequest) || method.getName().endsWith("Paginator")) {
      return false;
    }
    if (arguments.length == 2) {
      return arguments[1] instanceof RequestBody || arguments[1] instanceof ResponseTransformer;
    }
    return arguments.length == 1
        && !STREAMING_REQUESTS.get(method.getDeclaringClass()).contains(method.getParameterTypes()[0]);
  }
}
