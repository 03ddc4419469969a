// Hostile, for the operating-system sandbox (graded with the vetting off): starts a Java process
// that renames itself, through /proc/self/comm, to bytes that are not UTF-8, and waits. A grader
// that reads /proc/PID/status as UTF-8 fails on that name and no longer sees the process, and so
// would hand the worker to the next submission with the process still running. Its downloads are
// correct.
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
import software.amazon.awssdk.services.s3.S3Client;

/** Leaves a process behind under a name that is not UTF-8. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    Path ready = Path.of("").toAbsolutePath().resolve("hider-ready");
    try {
      start(ready);
      // Returns only once the process has renamed itself, so that the grader must find it.
      for (int wait = 0; wait < 80 && !Files.exists(ready); wait++) {
        Thread.sleep(50);
      }
    } catch (Exception blocked) {
      throw new IllegalStateException("HELD: could not start a process: " + blocked);
    }
    String said = "";
    try {
      said = Files.readString(ready);
    } catch (IOException notThere) {
      throw new IllegalStateException("HELD: the hidden process never ran");
    }
    throw new IllegalStateException("started a survivor that " + said);
  }

  static void start(Path ready) throws Exception {
    String classes =
        new File(S3ObjectTransfer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath();
    String java = System.getProperty("java.home") + "/bin/java";
    String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;
    new ProcessBuilder(
            java, "-cp", classPath, Hider.class.getName(), "awskit-os-survivor", ready.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Renames itself to bytes that are not UTF-8, says so, and waits. */
  public static final class Hider {
    public static void main(String[] args) throws Exception {
      String said;
      try (FileOutputStream comm = new FileOutputStream("/proc/self/comm")) {
        comm.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'h', 'i', 'd', 'e'});
        said = "renamed itself";
      } catch (IOException noProc) {
        said = "could not rename itself: " + noProc.getMessage();
      }
      Files.writeString(Path.of(args[1]), said, StandardCharsets.UTF_8);
      Thread.sleep(30_000);
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
