// Variant (correct): Consumer-builder calls throughout; downloads with getObjectAsBytes, uploads the file's bytes with RequestBody.fromBytes.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  public S3ObjectTransfer(S3Client s3) {
    this.s3 = Objects.requireNonNull(s3);
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    Objects.requireNonNull(file, "file");
    requireText(bucket);
    requireText(key);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException unreadable) {
      return false;
    }
    try {
      s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
      return true;
    } catch (SdkException failed) {
      return false;
    }
  }

  @Override
  public boolean download(String bucket, String key, Path target) {
    requireText(bucket);
    requireText(key);
    Objects.requireNonNull(target, "target");
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      byte[] content = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
      Files.write(partial, content);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (SdkException | IOException failed) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // nothing left to do
      }
      return false;
    }
  }

  private static void requireText(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("bucket and key must not be blank");
    }
  }
}
