package dev.awskit.conformance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the engines they ask for as parameters ({@link ElasticMq}, {@link S3Proxy},
 * {@link Dynalite}), each started once for the whole run and closed when the run ends.
 */
public final class Engines implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ElasticMq.class || type == S3Proxy.class || type == Dynalite.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    return type.cast(
        store.computeIfAbsent(Engines.class.getName() + type.getName(), key -> start(type)));
  }

  private static AutoCloseable start(Class<?> type) {
    try {
      if (type == ElasticMq.class) {
        return ElasticMq.start();
      }
      if (type == S3Proxy.class) {
        return S3Proxy.start();
      }
      return Dynalite.start();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start " + type.getSimpleName(), e);
    }
  }
}
