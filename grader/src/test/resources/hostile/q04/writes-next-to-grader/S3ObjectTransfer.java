// Hostile: writes what it downloads beside and into the grader's jars and folders on its class
// path, into the grader's temporary folder (found from the sandbox and as the absolute /tmp), and
// tries to change the timestamps of those class path entries. Its uploads are correct.
package dev.awskit.solutions.q04;

import dev.awskit.exercises.q04.ObjectTransfer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Plants files next to the grader. */
public class S3ObjectTransfer implements ObjectTransfer {

  static final String PLANTED = "awskit-planted.bin";

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
    byte[] bytes;
    try (InputStream object = s3.getObject(request -> request.bucket(bucket).key(key))) {
      bytes = object.readAllBytes();
    } catch (IOException | RuntimeException failed) {
      return false;
    }
    List<Path> places = new ArrayList<>();
    places.add(Path.of(System.getProperty("java.io.tmpdir"), "..", "..", PLANTED));
    places.add(Path.of("/tmp", PLANTED));
    for (String entry : graderEntries()) {
      places.add(Path.of(entry).toAbsolutePath().resolveSibling(PLANTED));
      places.add(Path.of(entry, PLANTED));
    }
    IOException first = null;
    for (Path place : places) {
      try {
        Files.write(place, bytes);
      } catch (IOException refused) {
        first = first == null ? refused : first;
      }
    }
    for (String entry : graderEntries()) {
      try {
        Files.setLastModifiedTime(Path.of(entry), FileTime.fromMillis(0));
      } catch (IOException refused) {
        first = first == null ? refused : first;
      }
    }
    if (first != null) {
      throw new UncheckedIOException(first);
    }
    return true;
  }

  /** Returns the class path entries of the grader itself, its jar or its classes folders. */
  private static List<String> graderEntries() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("grader")) {
        entries.add(entry);
      }
    }
    return entries;
  }
}
