// Hostile: reads the first jar of its class path (the grader's) with java.io, which does not go
// through java.nio.file, and leaks its first bytes. Its downloads are correct.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads around the file system's confinement. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    String entry = System.getProperty("java.class.path").split(File.pathSeparator)[0];
    try (InputStream in = new FileInputStream(entry)) {
      throw new IllegalStateException("FOUND " + HexFormat.of().formatHex(in.readNBytes(8)));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  @Override
  public boolean download(String bucket, String key, Path target) {
    if (bucket == null || bucket.isBlank() || key == null || key.isBlank() || target == null) {
      throw new IllegalArgumentException("bucket, key and target are required");
    }
    if (Files.isDirectory(target)) {
      return false;
    }
    Path partial = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".part");
    try (InputStream object = s3.getObject(request -> request.bucket(bucket).key(key))) {
      Files.copy(object, partial);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException | RuntimeException failed) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // Nothing more to do.
      }
    }
  }
}
