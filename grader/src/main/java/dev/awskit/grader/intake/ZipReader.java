package dev.awskit.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Expands the Java sources of a submission zip into the sandbox.
 *
 * <p>The archive is read through its central directory with Commons Compress, which, unlike
 * {@code java.util.zip}, exposes the unix mode of an entry, so links are seen. Every entry name
 * is checked before anything is written, and only {@code .java} entries are ever inflated,
 * through a reader that stops at the limits whatever sizes the headers declare.
 */
final class ZipReader {

  private static final Set<String> ARCHIVE_SUFFIXES =
      Set.of(".zip", ".jar", ".war", ".ear", ".tar", ".gz", ".tgz", ".7z", ".rar");

  private final IntakeLimits limits;

  ZipReader(IntakeLimits limits) {
    this.limits = limits;
  }

  /** Expands {@code archive} into {@code writer}. */
  void read(Path archive, SandboxWriter writer) {
    checkArchiveSize(archive);
    try (ZipFile zip = open(archive)) {
      List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
      if (entries.size() > limits.maxEntries()) {
        throw new Refusal(SandboxWriter.tooManyEntries(limits.maxEntries()));
      }
      // First pass: refuse a crafted archive as a whole before writing anything from it.
      for (ZipArchiveEntry entry : entries) {
        EntryPath path = EntryPath.parse(entry.getName(), limits.maxPathLength());
        if (entry.isUnixSymlink()) {
          throw new Refusal(
              "The archive holds a link (" + path + "); links are refused because they can"
                  + " point outside the submission. Zip the files themselves.");
        }
      }
      for (ZipArchiveEntry entry : entries) {
        writer.countEntry();
        expand(zip, entry, EntryPath.parse(entry.getName(), limits.maxPathLength()), writer);
      }
    } catch (IOException closing) {
      // Everything was read; a failure to close a read-only file changes nothing.
    }
  }

  private void expand(ZipFile zip, ZipArchiveEntry entry, EntryPath path, SandboxWriter writer) {
    if (entry.isDirectory() || path.isEmpty()) {
      return;
    }
    var skipped = SkipRules.skippedPrefix(path);
    if (skipped.isPresent()) {
      writer.skipFolder(skipped.get());
      return;
    }
    if (SkipRules.hiddenFile(path)) {
      writer.ignoreFile();
      return;
    }
    if (isArchive(path)) {
      writer.nestedArchive(path);
      return;
    }
    if (!path.hasSuffix(".java")) {
      writer.ignoreFile();
      return;
    }
    if (!zip.canReadEntryData(entry)) {
      throw new Refusal(
          path + " in the archive is encrypted or uses a compression method the grader cannot"
              + " read. Zip the folder again without a password, with standard compression.");
    }
    byte[] bytes;
    try (InputStream in = zip.getInputStream(entry)) {
      bytes = writer.readBounded(in, path);
    } catch (IOException | RuntimeException damaged) {
      if (damaged instanceof Refusal refusal) {
        throw refusal;
      }
      throw new Refusal(
          path + " in the archive cannot be read; the archive is damaged. Zip the folder again.");
    }
    writer.addSource(path, bytes);
  }

  private void checkArchiveSize(Path archive) {
    long size;
    try {
      size = Files.size(archive);
    } catch (IOException unreadable) {
      throw new Refusal("The archive cannot be read: " + unreadable.getMessage());
    }
    if (size > limits.maxArchiveBytes()) {
      throw new Refusal(
          "The archive is larger than " + SandboxWriter.size(limits.maxArchiveBytes())
              + ". Submit only your sources: leave out .git, target/ and other generated"
              + " folders.");
    }
  }

  private static ZipFile open(Path archive) {
    try {
      return ZipFile.builder().setPath(archive).get();
    } catch (IOException | RuntimeException damaged) {
      throw new Refusal(
          "The file is not a readable zip archive (it may be damaged or cut short). Zip the"
              + " folder again.");
    }
  }

  private static boolean isArchive(EntryPath path) {
    String name = path.fileName().toLowerCase(Locale.ROOT);
    return ARCHIVE_SUFFIXES.stream().anyMatch(name::endsWith);
  }
}
