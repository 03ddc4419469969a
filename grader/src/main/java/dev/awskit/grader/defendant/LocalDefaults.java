package dev.awskit.grader.defendant;

import dev.awskit.grader.hidden.doubles.RequestOverloads;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Says which default methods of the judge's objects the defendant runs itself, as the doubles
 * would run them in one JVM ({@link RequestOverloads}): the {@code Consumer<Builder>} overloads, the
 * paginators and the conveniences of an SDK client build their request and end in the overload
 * that carries it, which crosses to the double. Every other call crosses.
 */
final class LocalDefaults {

  private LocalDefaults() {}

  /** Tells whether the defendant runs {@code method}, a default method, on its side. */
  static boolean runsInDefendant(Method method, Object[] arguments) {
    return arguments.length > 0
        && (arguments[0] instanceof Consumer || arguments[0] instanceof SdkRequest)
        && !RequestOverloads.carriesTheRequest(method, arguments);
  }
}
