package sample;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.waiters.S3Waiter;

/** Questions 1-3 style code: credential providers, regions, waiters from the injected client. */
public class CleanMisc {
  private static final Logger LOG = Logger.getLogger(CleanMisc.class.getName());

  private final S3Client s3;

  public CleanMisc(S3Client s3) {
    this.s3 = s3;
  }

  public List<AwsCredentialsProvider> chain() {
    return List.of(
        SystemPropertyCredentialsProvider.create(),
        EnvironmentVariableCredentialsProvider.create(),
        ProfileCredentialsProvider.create(),
        DefaultCredentialsProvider.builder().build());
  }

  public CreateBucketResponse create(String name, String region) {
    CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(name);
    if (!Region.US_EAST_1.equals(Region.of(region))) {
      request.createBucketConfiguration(
          CreateBucketConfiguration.builder()
              .locationConstraint(BucketLocationConstraint.fromValue(region))
              .build());
    }
    CreateBucketResponse response = s3.createBucket(request.build());
    s3.waiter().waitUntilBucketExists(HeadBucketRequest.builder().bucket(name).build());
    try (S3Waiter waiter = S3Waiter.builder().client(s3).build()) {
      waiter.waitUntilBucketExists(b -> b.bucket(name));
    }
    LOG.fine(() -> "created " + name);
    return response;
  }

  public void waitFor(java.nio.file.Path file) throws InterruptedException {
    while (!java.nio.file.Files.exists(file) && !Thread.currentThread().isInterrupted()) {
      Thread.currentThread().join(1);
    }
  }

  public RuntimeException translate(String code) {
    return AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
        .message(code)
        .build();
  }

  public String expires(URL presigned) {
    String query = presigned.getQuery() + presigned.getHost() + presigned.toExternalForm()
        + java.net.URLEncoder.encode("a b", java.nio.charset.StandardCharsets.UTF_8);
    int cores = Runtime.getRuntime().availableProcessors();
    return CompletableFuture.completedFuture(query).thenApply(q -> q + cores).join()
        + System.currentTimeMillis() + System.nanoTime() + System.identityHashCode(this);
  }
}
