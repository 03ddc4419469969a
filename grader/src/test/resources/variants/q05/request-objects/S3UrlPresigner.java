// Variant: builds the presign requests as objects (no Consumer overloads), checks the range on a Duration.
package dev.awskit.solutions.q05;

import dev.awskit.exercises.q05.PresignedOperation;
import dev.awskit.exercises.q05.UrlPresigner;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

public class S3UrlPresigner implements UrlPresigner {

  private static final Duration LONGEST = Duration.ofDays(7);

  private final S3Presigner presigner;

  public S3UrlPresigner(S3Presigner presigner) {
    this.presigner = presigner;
  }

  @Override
  public Optional<String> presign(String bucket, String key, PresignedOperation operation) {
    return presign(bucket, key, operation, 3600);
  }

  @Override
  public Optional<String> presign(
      String bucket, String key, PresignedOperation operation, long expirySeconds) {
    if (bucket == null || bucket.isBlank() || key == null || key.isBlank() || operation == null) {
      return Optional.empty();
    }
    if (expirySeconds <= 0) {
      return Optional.empty();
    }
    Duration expiry = Duration.ofSeconds(expirySeconds);
    if (expiry.compareTo(LONGEST) > 0) {
      return Optional.empty();
    }
    try {
      if (operation == PresignedOperation.PUT) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(key).build();
        PutObjectPresignRequest request =
            PutObjectPresignRequest.builder().signatureDuration(expiry).putObjectRequest(put).build();
        return Optional.of(presigner.presignPutObject(request).url().toExternalForm());
      }
      GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(key).build();
      GetObjectPresignRequest request =
          GetObjectPresignRequest.builder().signatureDuration(expiry).getObjectRequest(get).build();
      return Optional.of(presigner.presignGetObject(request).url().toExternalForm());
    } catch (SdkException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
