package dev.awskit.conformance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts the requests an SDK client sends, by operation, to prove that a run paged. */
final class RequestCounter implements ExecutionInterceptor {

  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = context.request().getClass().getSimpleName().replaceFirst("Request$", "");
    counts.merge(operation, 1, Integer::sum);
  }

  /** Returns how many requests of {@code operation} (such as {@code Scan}) were sent. */
  int count(String operation) {
    return counts.getOrDefault(operation, 0);
  }
}
