// Hostile, for the operating-system sandbox (graded with the vetting off): reads its own memory
// map and environment, the environment of the grader (its parent process) and of process 1, and
// system files, with java.io, and reports what it could read, each as path=bytes. Its downloads
// are correct.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads what it should not. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    List<String> sources = new ArrayList<>(List.of("/proc/self/maps", "/proc/self/mem",
        "/proc/self/environ", "/proc/1/environ", "/etc/shadow", "/etc/passwd", "/root/.bashrc"));
    ProcessHandle.current().parent().ifPresent(
        parent -> sources.add("/proc/" + parent.pid() + "/environ"));
    List<String> read = new ArrayList<>();
    for (String source : sources) {
      try (InputStream in = new FileInputStream(source)) {
        byte[] bytes = in.readNBytes(64);
        read.add(source + "=" + new String(bytes, StandardCharsets.ISO_8859_1));
      } catch (IOException held) {
        // The sandbox held.
      }
    }
    throw new IllegalStateException(read.isEmpty() ? "HELD: nothing read" : "READ " + read);
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
