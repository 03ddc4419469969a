// Hostile: writes what it downloads to files outside the target: beside itself (relative paths,
// one of them climbing out of the working folder) and into the temporary folder.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Scatters downloads around the file system. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer. */
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
      s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
      return true;
    } catch (RuntimeException failed) {
      return false;
    }
  }

  @Override
  public boolean download(String bucket, String key, Path target) {
    if (bucket == null || bucket.isBlank() || key == null || key.isBlank() || target == null) {
      throw new IllegalArgumentException("bucket, key and target are required");
    }
    try (InputStream object = s3.getObject(request -> request.bucket(bucket).key(key))) {
      byte[] bytes = object.readAllBytes();
      for (Path escape :
          new Path[] {
            Path.of("awskit-escaped-download.bin"),
            Path.of("..", "awskit-escaped-download.bin"),
            Path.of(System.getProperty("java.io.tmpdir"), "awskit-escaped-download.bin")
          }) {
        Files.write(escape, bytes);
      }
      return true;
    } catch (IOException | RuntimeException failed) {
      return false;
    }
  }
}
