// Hostile: halts the JVM with Runtime.halt on every call.
package dev.awskit.solutions.q05;

import dev.awskit.exercises.q05.PresignedOperation;
import dev.awskit.exercises.q05.UrlPresigner;
import java.util.Optional;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Halts instead of presigning. */
public class S3UrlPresigner implements UrlPresigner {

  private final S3Presigner presigner;

  /** Creates the presigner. */
  public S3UrlPresigner(S3Presigner presigner) {
    this.presigner = presigner;
  }

  @Override
  public Optional<String> presign(
      String bucket, String key, PresignedOperation operation, long expirySeconds) {
    Runtime.getRuntime().halt(7);
    return Optional.empty();
  }

  @Override
  public Optional<String> presign(String bucket, String key, PresignedOperation operation) {
    return presign(bucket, key, operation, DEFAULT_EXPIRY_SECONDS);
  }
}
