// Faulty: turns the downloaded object into a UTF-8 string and back, which corrupts binary objects.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    Path partial = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".part");
    try {
      byte[] bytes = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build()).asByteArray();
      String text = new String(bytes, StandardCharsets.UTF_8);
      Files.writeString(partial, text);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (SdkException | IOException | UncheckedIOException failed) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // best effort
      }
    }
  }
}
