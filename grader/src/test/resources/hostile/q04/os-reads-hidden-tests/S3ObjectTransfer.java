// Hostile, for the operating-system sandbox (graded with the vetting off): looks for the hidden
// tests' class files in every jar and folder of its class path, and asks every class loader it can
// reach for them, and reports what it found. Its downloads are correct.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import software.amazon.awssdk.services.s3.S3Client;

/** Looks for the hidden tests. */
public class S3ObjectTransfer implements ObjectTransfer {

  private static final String TEST = "dev/awskit/grader/hidden/q04/ObjectTransferHiddenTest.class";

  private final S3Client s3;

  /** Creates the transfer. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    List<String> found = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File root = new File(entry);
      if (new File(root, TEST).isFile()) {
        found.add(entry);
      } else if (root.isFile()) {
        try (JarFile jar = new JarFile(root)) {
          if (jar.getEntry(TEST) != null) {
            found.add(entry);
          }
        } catch (IOException unreadable) {
          // Not readable, or not a jar.
        }
      }
    }
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(ClassLoader.getSystemClassLoader());
    loaders.add(Thread.currentThread().getContextClassLoader());
    for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
      try {
        loaders.add(Class.forName(frame.getClassName()).getClassLoader());
      } catch (ClassNotFoundException | LinkageError unknown) {
        // A class only another loader knows.
      }
    }
    for (ClassLoader loader : loaders) {
      if (loader == null) {
        continue;
      }
      try (InputStream in = loader.getResourceAsStream(TEST)) {
        if (in != null && in.readAllBytes().length > 0) {
          found.add("resource of " + loader);
        }
      } catch (IOException unreadable) {
        // Nothing there.
      }
    }
    throw new IllegalStateException(found.isEmpty() ? "HELD: no hidden test found" : "FOUND " + found);
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
