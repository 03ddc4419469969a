package dev.awskit.grader.hidden.doubles;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * Tells, among an SDK client's overloads, the one that carries an operation's request to the
 * service from the conveniences that build the request and end in it. The doubles answer that one
 * only ({@link ClientDouble}); the defendant JVM runs the others itself and sends that one to the
 * judge. It names no test library, so the defendant loads it without one.
 */
public final class RequestOverloads {

  /**
   * Lists, by client interface, the request types of the operations that stream their response
   * (those with an overload taking a response transformer). Worked out once per interface, not per
   * call: listing a client's methods costs more than most tests, and the answer never changes.
   */
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

  private RequestOverloads() {}

  /**
   * Tells whether {@code method}, called with {@code arguments}, is the overload that carries an
   * operation's request: the request object alone, or with the request body or response
   * transformer where the operation streams. A paginator, or a request-only overload of an
   * operation that streams its response, is a convenience that ends in that overload.
   */
  public static boolean carriesTheRequest(Method method, Object[] arguments) {
    if (arguments.length == 0
        || !(arguments[0] instanceof SdkRequest)
        || method.getName().endsWith("Paginator")) {
      return false;
    }
    if (arguments.length == 2) {
      return arguments[1] instanceof RequestBody || arguments[1] instanceof ResponseTransformer;
    }
    return arguments.length == 1
        && !STREAMING_REQUESTS
            .get(method.getDeclaringClass())
            .contains(method.getParameterTypes()[0]);
  }
}
