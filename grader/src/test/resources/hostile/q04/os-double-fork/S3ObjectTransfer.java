// Hostile, for the operating-system sandbox (graded with the vetting off): starts a Java process
// that starts another and ends at once (a double fork), whose grandchild waits for the grader to
// finish and then plants a file. Its downloads are correct.
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

/** Leaves a process behind. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    Path ready = Path.of("").toAbsolutePath().resolve("survivor-ready");
    try {
      start("child", ready);
      // Returns only once the grandchild runs on its own, so that the grader has to end it.
      for (int wait = 0; wait < 80 && !Files.exists(ready); wait++) {
        Thread.sleep(50);
      }
    } catch (Exception blocked) {
      throw new IllegalStateException("HELD: could not start a process: " + blocked);
    }
    throw new IllegalStateException(
        Files.exists(ready) ? "started a survivor" : "HELD: the survivor never ran");
  }

  static void start(String role, Path ready) throws Exception {
    String classes =
        new File(S3ObjectTransfer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath();
    String java = System.getProperty("java.home") + "/bin/java";
    String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;
    new ProcessBuilder(java, "-cp", classPath, Survivor.class.getName(), role, ready.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Starts a grandchild and ends; the grandchild outlives everyone it can. */
  public static final class Survivor {
    public static void main(String[] args) throws Exception {
      Path ready = Path.of(args[1]);
      if (args[0].equals("child")) {
        start("awskit-os-survivor", ready);
        return;
      }
      Files.writeString(ready, "running");
      Thread.sleep(30_000);
      try (FileOutputStream out = new FileOutputStream("/tmp/awskit-survivor-planted.txt")) {
        out.write(1);
      }
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
