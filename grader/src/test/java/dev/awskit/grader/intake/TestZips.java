package dev.awskit.grader.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds zip archives for the intake tests and the hostile corpus, hostile ones included. */
public final class TestZips {

  private final Map<String, byte[]> entries = new LinkedHashMap<>();

  /** Starts an empty archive. */
  public static TestZips zip() {
    return new TestZips();
  }

  /**
   * Starts an archive of every file under {@code folder}, named by its path in the folder with
   * forward slashes, in the order of those names.
   */
  public static TestZips ofFolder(Path folder) {
    TestZips zip = new TestZips();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        zip.entry(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return zip;
  }

  /** Adds an entry holding {@code text} in UTF-8. */
  public TestZips entry(String name, String text) {
    return entry(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds an entry holding {@code bytes}. */
  public TestZips entry(String name, byte[] bytes) {
    entries.put(name, bytes);
    return this;
  }

  /** Writes the entries with java.util.zip, which takes any name, "../x" and "/x" included. */
  public Path writeTo(Path file) {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Writes a zip whose one entry is a unix symbolic link. java.util.zip cannot set the external
   * attributes that mark a link, so Commons Compress writes this one.
   */
  static Path withSymlink(Path file, String linkName, String target, String javaName) {
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
      ZipArchiveEntry source = new ZipArchiveEntry(javaName);
      out.putArchiveEntry(source);
      out.write("class A {}".getBytes(StandardCharsets.UTF_8));
      out.closeArchiveEntry();
      ZipArchiveEntry link = new ZipArchiveEntry(linkName);
      link.setUnixMode(UnixStat.LINK_FLAG | 0777);
      out.putArchiveEntry(link);
      out.write(target.getBytes(StandardCharsets.UTF_8));
      out.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Writes the same entry name twice, which java.util.zip would not allow. */
  static Path withDuplicate(Path file, String name) {
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
      for (int i = 0; i < 2; i++) {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.write(("class A" + i + " {}").getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Rewrites every central-directory record of {@code zip} to declare an uncompressed size of
   * {@code declared} bytes, as a zip bomb would, to show the intake ignores those headers.
   */
  static Path lieAboutSizes(Path zip, int declared) {
    try {
      byte[] bytes = Files.readAllBytes(zip);
      for (int i = 0; i + 46 <= bytes.length; i++) {
        if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
          for (int b = 0; b < 4; b++) {
            bytes[i + 24 + b] = (byte) (declared >>> (8 * b));
          }
        }
      }
      Files.write(zip, bytes);
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns {@code size} zero bytes as the body of a comment: deflates to almost nothing. */
  public static byte[] compressibleSource(int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    byte[] head = "/*".getBytes(StandardCharsets.US_ASCII);
    out.write(head, 0, head.length);
    byte[] spaces = new byte[64 * 1024];
    java.util.Arrays.fill(spaces, (byte) ' ');
    int left = size - 4;
    while (left > 0) {
      int n = Math.min(left, spaces.length);
      out.write(spaces, 0, n);
      left -= n;
    }
    out.write('*');
    out.write('/');
    return out.toByteArray();
  }
}
