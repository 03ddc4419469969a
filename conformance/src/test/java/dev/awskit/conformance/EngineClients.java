package dev.awskit.conformance;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/** Configures SDK clients for an engine on 127.0.0.1. */
final class EngineClients {

  static final String ACCESS_KEY = "conformance";
  static final String SECRET_KEY = "conformance-secret";
  static final Region REGION = Region.US_EAST_1;

  private EngineClients() {}

  /**
   * Points {@code builder} at {@code endpoint} with fixed credentials and the SDK's own retries
   * off, so every verdict is the engine's answer to exactly one request; {@code interceptors}
   * watch the requests.
   */
  static <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, URI endpoint, ExecutionInterceptor... interceptors) {
    return builder
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(credentials())
        .overrideConfiguration(c -> {
          c.retryStrategy(AwsRetryStrategy.doNotRetry());
          for (ExecutionInterceptor interceptor : interceptors) {
            c.addExecutionInterceptor(interceptor);
          }
        });
  }

  static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }
}
