// Variant (correct): downloads with getObject(request, ResponseTransformer.toFile(...)) into a fresh temporary name, uploads with putObject(request, Path).
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
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
    check(file != null, "file");
    check(bucket != null && !bucket.isBlank(), "bucket");
    check(key != null && !key.isBlank(), "key");
    if (Files.notExists(file)) {
      return false;
    }
    try {
      s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), file);
      return true;
    } catch (SdkException | UncheckedIOException e) {
      return false;
    }
  }

  @Override
  public boolean download(String bucket, String key, Path target) {
    check(bucket != null && !bucket.isBlank(), "bucket");
    check(key != null && !key.isBlank(), "key");
    check(target != null, "target");
    Path folder = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      // createTempFile reserves a unique name; toFile wants a path that does not exist yet.
      temp = Files.createTempFile(folder, "download-", ".tmp");
      Files.delete(temp);
      s3.getObject(
          GetObjectRequest.builder().bucket(bucket).key(key).build(),
          ResponseTransformer.toFile(temp));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (SdkException | IOException | UncheckedIOException e) {
      return false;
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // nothing left to do
        }
      }
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what + " is required");
    }
  }
}
