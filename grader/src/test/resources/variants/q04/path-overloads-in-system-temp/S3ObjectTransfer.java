// Variant (correct): Consumer + Path overloads of getObject and putObject, no existence check before upload, a temporary file in the system temp folder.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    validate(bucket, key, file);
    try {
      s3.putObject(b -> b.bucket(bucket).key(key), file);
      return true;
    } catch (SdkException | UncheckedIOException failed) {
      // RequestBody.fromFile reports a missing file as UncheckedIOException, before any request.
      return false;
    }
  }

  @Override
  public boolean download(String bucket, String key, Path target) {
    validate(bucket, key, target);
    Path scratch = null;
    try {
      Path folder = Files.createTempDirectory("s3-download");
      scratch = folder.resolve("object");
      s3.getObject(b -> b.bucket(bucket).key(key), scratch);
      Files.move(scratch, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (SdkException | IOException | UncheckedIOException failed) {
      return false;
    } finally {
      if (scratch != null) {
        try {
          Files.deleteIfExists(scratch);
          Files.deleteIfExists(scratch.getParent());
        } catch (IOException ignored) {
          // nothing left to do
        }
      }
    }
  }

  private static void validate(String bucket, String key, Path path) {
    if (bucket == null || bucket.isBlank() || key == null || key.isBlank() || path == null) {
      throw new IllegalArgumentException("bucket, key and path are required");
    }
  }
}
