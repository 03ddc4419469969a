// Faulty: signs the download with a Content-Disposition override, which the caller never asked for.
package dev.awskit.solutions.q05;

import dev.awskit.exercises.q05.PresignedOperation;
import dev.awskit.exercises.q05.UrlPresigner;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Presigns S3 GET and PUT URLs with an injected {@link S3Presigner}. */
public class S3UrlPresigner implements UrlPresigner {

  private final S3Presigner presigner;

  /** Creates a URL presigner that signs with {@code presigner}. */
  public S3UrlPresigner(S3Presigner presigner) {
    this.presigner = presigner;
  }

  @Override
  public Optional<String> presign(
      String bucket, String key, PresignedOperation operation, long expirySeconds) {
    if (isBlank(bucket)
        || isBlank(key)
        || operation == null
        || expirySeconds < MIN_EXPIRY_SECONDS
        || expirySeconds > MAX_EXPIRY_SECONDS) {
      return Optional.empty();
    }
    Duration expiry = Duration.ofSeconds(expirySeconds);
    try {
      PresignedRequest presigned =
          switch (operation) {
            case GET ->
                presigner.presignGetObject(
                    request ->
                        request
                            .signatureDuration(expiry)
                            .getObjectRequest(
                                get ->
                                    get.bucket(bucket)
                                        .key(key)
                                        .responseContentDisposition("attachment")));
            case PUT ->
                presigner.presignPutObject(
                    request ->
                        request
                            .signatureDuration(expiry)
                            .putObjectRequest(put -> put.bucket(bucket).key(key)));
          };
      return Optional.of(presigned.url().toString());
    } catch (SdkException | IllegalArgumentException cannotSign) {
      // No credentials, or a request the signer refuses: the contract reports it as "no URL".
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> presign(String bucket, String key, PresignedOperation operation) {
    return presign(bucket, key, operation, DEFAULT_EXPIRY_SECONDS);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
