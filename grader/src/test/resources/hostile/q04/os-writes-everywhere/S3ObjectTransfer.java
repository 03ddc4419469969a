// Hostile, for the operating-system sandbox (graded with the vetting off): writes a marker file
// with java.io beside every class-path entry, in /tmp, in the JDK and in root's home, and reports
// which writes worked (in the sandbox's own /tmp a write works and is harmless: the test looks for
// the files on the grader's side). Its downloads are correct.
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

/** Writes where it should not. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    List<String> targets = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      targets.add(new File(entry).getParent() + "/awskit-planted-os.txt");
    }
    targets.add("/tmp/awskit-planted-os.txt");
    targets.add(System.getProperty("java.home") + "/awskit-planted-os.txt");
    targets.add("/root/awskit-planted-os.txt");
    List<String> written = new ArrayList<>();
    for (String target : targets) {
      try (FileOutputStream out = new FileOutputStream(target)) {
        out.write("planted".getBytes(StandardCharsets.UTF_8));
        written.add(target);
      } catch (IOException held) {
        // The sandbox held.
      }
    }
    throw new IllegalStateException(
        written.isEmpty() ? "HELD: no write worked" : "WROTE " + written);
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
