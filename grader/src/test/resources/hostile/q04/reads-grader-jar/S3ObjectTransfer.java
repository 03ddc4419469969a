// Hostile: before each upload, reads every jar and folder of its class path (where the grader's
// hidden tests live) with java.nio.file, and leaks what it found in its output and in an
// exception. Its downloads are correct.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/** Snoops on the grader instead of uploading. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    StringBuilder leak = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path root = Path.of(entry);
      try {
        if (Files.isDirectory(root)) {
          try (Stream<Path> files = Files.walk(root)) {
            for (Path found : files.filter(path -> path.toString().endsWith(".class")).toList()) {
              leak.append("FOUND ").append(found).append(' ').append(head(found)).append('\n');
            }
          }
        } else {
          byte[] jar = Files.readAllBytes(root);
          leak.append("FOUND ").append(root).append(' ')
              .append(HexFormat.of().formatHex(jar, 0, Math.min(8, jar.length))).append('\n');
        }
      } catch (IOException refused) {
        leak.append("refused: ").append(refused.getMessage()).append('\n');
      }
    }
    System.out.print(leak);
    throw new IllegalStateException(leak.toString());
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return HexFormat.of().formatHex(in.readNBytes(8));
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
      Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
