package dev.awskit.grader.distribution;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 *
 * <p>The zip is written beside its target under a temporary name and moved into place by {@link
 * #complete()}; closing without completing deletes it, so a failure never leaves half a zip.
 */
final class ZipArchiveWriter implements Closeable {

  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path file;
  private final Path partial;
  private final FileSystem zip;
  private final List<String> entries = new ArrayList<>();
  private boolean completed;

  private ZipArchiveWriter(Path file, Path partial, FileSystem zip) {
    this.file = file;
    this.partial = partial;
    this.zip = zip;
  }

  /**
   * Starts a zip that {@link #complete()} puts at {@code file}, replacing any file there; makes
   * missing parent folders.
   */
  static ZipArchiveWriter create(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new DistributionException(absolute + " is a folder; name the zip file to write");
    }
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    FileSystem zip =
        FileSystems.newFileSystem(
            partial, Map.of("create", "true", "enablePosixFileAttributes", "true"));
    return new ZipArchiveWriter(absolute, partial, zip);
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

  /** Writes the zip's central directory, moves the zip into place and describes it. */
  WrittenArchive complete() throws IOException {
    zip.close();
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    completed = true;
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

  /** Deletes the unfinished zip unless {@link #complete()} has put it in place. */
  @Override
  public void close() throws IOException {
    if (!completed) {
      try {
        zip.close();
      } finally {
        Files.deleteIfExists(partial);
      }
    }
  }
}
