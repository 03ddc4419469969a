package dev.awskit.conformance;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the engines they ask for as parameters ({@link ElasticMq}, {@link S3Proxy},
 * {@link Dynalite}), each started once for the whole run and closed when the run ends. A test
 * that needs dynalite where it cannot run (no Node.js, no {@code npm ci}) is skipped with the
 * reason, unless {@code CI=true}, where it runs and fails.
 */
public final class Engines implements ParameterResolver, ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = Dynalite.reasonToSkip();
    if (reason == null || !needsDynalite(context.getElement().orElse(null))) {
      return ConditionEvaluationResult.enabled("no engine is missing");
    }
    return ConditionEvaluationResult.disabled(reason);
  }

  /** A test method that takes dynalite, or a class whose @BeforeAll method takes it. */
  private static boolean needsDynalite(AnnotatedElement element) {
    if (element instanceof Method method) {
      return Arrays.asList(method.getParameterTypes()).contains(Dynalite.class);
    }
    if (element instanceof Class<?> type) {
      return Arrays.stream(type.getDeclaredMethods())
          .filter(method -> method.isAnnotationPresent(BeforeAll.class))
          .anyMatch(Engines::needsDynalite);
    }
    return false;
  }

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
