// Faulty: streams the object straight into the target, so a download that breaks midway leaves a partial file.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    if (file == null || bucket == null || bucket.isBlank() || key == null || key.isBlank()) {
      throw new IllegalArgumentException("file, bucket and key are required");
    }
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromFile(file));
      return true;
    } catch (SdkException | UncheckedIOException failed) {
      return false;
    }
  }

  @Override
  public boolean download(String bucket, String key, Path target) {
    if (target == null || bucket == null || bucket.isBlank() || key == null || key.isBlank()) {
      throw new IllegalArgumentException("bucket, key and target are required");
    }
    try (InputStream in = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (SdkException | IOException | UncheckedIOException failed) {
      return false;
    }
  }
}
