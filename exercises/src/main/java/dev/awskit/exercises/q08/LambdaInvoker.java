package dev.awskit.exercises.q08;

import dev.awskit.exercises.NotImplementedYet;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Invokes Lambda functions synchronously or as events. Question 8: complete it. */
public class LambdaInvoker implements FunctionInvoker {

  private final LambdaClient lambda;

  /** Creates an invoker that calls Lambda through {@code lambda}. */
  public LambdaInvoker(LambdaClient lambda) {
    this.lambda = lambda;
  }

  @Override
  public Map<String, Object> invoke(
      String functionName, Map<String, Object> payload, InvocationMode mode) {
    throw new NotImplementedYet(8);
  }
}
