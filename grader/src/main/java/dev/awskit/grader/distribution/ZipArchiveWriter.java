package dev.awskit.grader.distribution;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a zip file entry by entry, with Unix permissions in each entry's external attributes.
 *
 * <p>It uses the JDK's zip file system, which stores POSIX permissions when asked to, so that
 * {@code mvnw}, {@code setup.sh} and {@code run_autograder} stay executable after {@code unzip}.
 * {@link java.util.zip.ZipOutputStream} cannot write those attributes.
 */
final class ZipArchiveWriter implements Closeable {

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path file;
  private final FileSystem zip;
  private final List<String> entries = new ArrayList<>();

  private ZipArchiveWriter(Path file, FileSystem zip) {
    this.file = file;
    this.zip = zip;
  }

  /** Creates an empty zip at {@code file}, replacing any file there, and its parent folders. */
  static ZipArchiveWriter create(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new DistributionException(absolute + " is a folder; name the zip file to write");
    }
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Files.deleteIfExists(absolute);
    FileSystem zip =
        FileSystems.newFileSystem(
            URI.create("jar:" + absolute.toUri()),
            Map.of("create", "true", "enablePosixFileAttributes", "true"));
    return new ZipArchiveWriter(absolute, zip);
  }

  /** Adds a copy of {@code source} as {@code entryName} ({@code /}-separated, relative). */
  void addFile(String entryName, Path source, boolean executable) throws IOException {
    Path target = prepare(entryName);
    Files.copy(source, target);
    finish(entryName, target, executable);
  }

  /** Adds {@code content} as {@code entryName} ({@code /}-separated, relative). */
  void addBytes(String entryName, byte[] content, boolean executable) throws IOException {
    Path target = prepare(entryName);
    Files.write(target, content);
    finish(entryName, target, executable);
  }

  /** Returns what has been written so far; call it after {@link #close()} for the whole zip. */
  WrittenArchive archive() {
    return new WrittenArchive(file, entries);
  }

  private Path prepare(String entryName) throws IOException {
    if (entryName.isBlank()
        || entryName.startsWith("/")
        || entryName.contains("\\")
        || List.of(entryName.split("/")).contains("..")) {
      throw new IllegalArgumentException("Not a relative entry name: " + entryName);
    }
    if (entries.contains(entryName)) {
      throw new IllegalArgumentException("Entry written twice: " + entryName);
    }
    Path target = zip.getPath("/" + entryName);
    Path parent = target.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent);
    }
    return target;
  }

  private void finish(String entryName, Path target, boolean executable) throws IOException {
    Files.setPosixFilePermissions(target, executable ? EXECUTABLE : FILE);
    entries.add(entryName);
  }

  /** Writes the zip's central directory and closes the file. */
  @Override
  public void close() throws IOException {
    zip.close();
  }
}
