// Faulty: treats an empty file as nothing to upload and returns false.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer around the given client. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    if (file == null) {
      throw new IllegalArgumentException("The file must not be null");
    }
    requireText(bucket, "bucket");
    requireText(key, "key");
    if (!Files.isRegularFile(file) || isEmpty(file)) {
      // A missing file or a folder: nothing to send. A file that cannot be read fails below.
      return false;
    }
    PutObjectRequest request = PutObjectRequest.builder().bucket(bucket).key(key).build();
    try {
      s3.putObject(request, RequestBody.fromFile(file));
      return true;
    } catch (SdkException | UncheckedIOException failed) {
      // The file may vanish or refuse reading after the check: that surfaces as an
      // UncheckedIOException or, once the client reads the body, an SdkClientException.
      return false;
    }
  }

  @Override
  public boolean download(String bucket, String key, Path target) {
    requireText(bucket, "bucket");
    requireText(key, "key");
    if (target == null) {
      throw new IllegalArgumentException("The target must not be null");
    }
    if (Files.isDirectory(target)) {
      return false;
    }
    // The object goes to a hidden file beside the target first, so that a failure never
    // leaves half an object under the target's name and never destroys an existing file.
    Path partial =
        target.toAbsolutePath().resolveSibling(
            "." + target.getFileName() + "." + UUID.randomUUID() + ".part");
    GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key).build();
    boolean downloaded;
    try {
      try (ResponseInputStream<GetObjectResponse> object = s3.getObject(request)) {
        Files.copy(object, partial);
      }
      moveIntoPlace(partial, target);
      downloaded = true;
    } catch (SdkException | IOException | UncheckedIOException failed) {
      downloaded = false;
    } finally {
      deleteIfPresent(partial);
    }
    return downloaded;
  }

  private static void moveIntoPlace(Path partial, Path target) throws IOException {
    try {
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean isEmpty(Path file) {
    try {
      return Files.size(file) == 0;
    } catch (IOException unreadable) {
      return true;
    }
  }

  private static void deleteIfPresent(Path partial) {
    try {
      Files.deleteIfExists(partial);
    } catch (IOException ignored) {
      // Nothing more can be done about a temporary file the file system will not delete.
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + name + " must not be null or blank");
    }
  }
}
