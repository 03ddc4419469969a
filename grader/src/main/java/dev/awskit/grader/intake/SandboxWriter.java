package dev.awskit.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the sources of one submission into its sandbox and keeps the books: entries seen, bytes
 * read against the limits, files left out, and warnings for the student.
 *
 * <p>One instance serves one intake; it is not shared between threads.
 */
final class SandboxWriter {

  /** Most warnings listed one by one; more are summed up in one line, so a report stays short. */
  static final int MAX_WARNINGS = 30;

  private final Path sourceRoot;
  private final IntakeLimits limits;
  private final SourceDecoder decoder;
  private final List<Path> sources = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<String> skippedFolders = new LinkedHashSet<>();
  private final Set<String> nestedArchives = new LinkedHashSet<>();
  private int entries;
  private int ignoredFiles;
  private long bytesRead;

  SandboxWriter(Path sourceRoot, IntakeLimits limits, SourceDecoder decoder) {
    this.sourceRoot = sourceRoot;
    this.limits = limits;
    this.decoder = decoder;
  }

  /** Counts one entry (file or folder) and refuses the submission past the limit. */
  void countEntry() {
    entries++;
    if (entries > limits.maxEntries()) {
      throw new Refusal(tooManyEntries(limits.maxEntries()));
    }
  }

  /** Returns the message for a submission with more entries than {@code max}. */
  static String tooManyEntries(int max) {
    return "The submission holds more than " + max + " files and folders. Submit only your"
        + " sources: leave out .git, target/ and other generated folders.";
  }

  /** Records a folder that is not looked into, described as {@code path/ (why)}. */
  void skipFolder(String description) {
    skippedFolders.add(description);
  }

  /** Records a file that is not a Java source and is left out. */
  void ignoreFile() {
    ignoredFiles++;
  }

  /** Records an archive inside the submission, which is left out, not expanded. */
  void nestedArchive(EntryPath path) {
    nestedArchives.add(path.toString());
  }

  /**
   * Reads the bytes of one source, stopping one byte past what the limits still allow, so a
   * compressed or endless stream cannot make the grader read more than the limits.
   */
  byte[] readBounded(InputStream in, EntryPath path) throws IOException {
    long allowed = Math.min(limits.maxSourceBytes(), limits.maxExpandedBytes() - bytesRead);
    byte[] bytes = in.readNBytes((int) Math.min(allowed + 1, Integer.MAX_VALUE - 8));
    if (bytes.length > limits.maxSourceBytes()) {
      throw new Refusal(
          path + " is larger than " + size(limits.maxSourceBytes()) + "; a source that large is"
              + " not accepted.");
    }
    bytesRead += bytes.length;
    if (bytesRead > limits.maxExpandedBytes()) {
      throw new Refusal(
          "The submission's Java sources add up to more than " + size(limits.maxExpandedBytes())
              + "; it is not accepted.");
    }
    return bytes;
  }

  /** Decodes one source and writes it as UTF-8 under the source root, keeping its path. */
  void addSource(EntryPath path, byte[] bytes) {
    if (path.fileName().equals("module-info.java")) {
      notes.add(path + " was left out: the grader compiles your classes without a module.");
      return;
    }
    SourceDecoder.Decoded decoded = decoder.decode(bytes, path.toString());
    if (decoded instanceof SourceDecoder.Decoded.Undecodable refused) {
      throw new Refusal(refused.problem());
    }
    SourceDecoder.Decoded.Text text = (SourceDecoder.Decoded.Text) decoded;
    text.note().ifPresent(notes::add);
    Path target = resolve(path);
    try {
      Files.createDirectories(target.getParent());
      Files.write(
          target,
          text.text().getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException clash) {
      throw new Refusal(
          "The submission holds two entries for the path " + path + " (or a file and a folder"
              + " of that name); keep one.");
    } catch (IOException failed) {
      // Writing into the sandbox is the grader's own disk: not the student's fault.
      throw new UncheckedIOException("Cannot write " + target, failed);
    }
    sources.add(target);
  }

  /** Returns the sources written so far, sorted. */
  List<Path> sources() {
    return sources.stream().sorted().toList();
  }

  /** Returns the warnings for the student, at most {@link #MAX_WARNINGS} lines and a summary. */
  List<String> warnings() {
    List<String> all = new ArrayList<>(notes);
    if (!skippedFolders.isEmpty()) {
      all.add("These folders were not looked into: " + String.join(", ", skippedFolders) + ".");
    }
    if (!nestedArchives.isEmpty()) {
      all.add(
          "Archives inside the submission are not expanded: " + String.join(", ", nestedArchives)
              + ". Put the .java files themselves in the submission.");
    }
    if (ignoredFiles > 0) {
      all.add(ignoredFiles + " file(s) that are not Java sources were left out.");
    }
    if (all.size() <= MAX_WARNINGS) {
      return all;
    }
    List<String> shown = new ArrayList<>(all.subList(0, MAX_WARNINGS));
    shown.add("... and " + (all.size() - MAX_WARNINGS) + " more warnings of the same kind.");
    return shown;
  }

  /** Returns the skipped folders, for the message when no source is left. */
  Set<String> skippedFolders() {
    return Set.copyOf(skippedFolders);
  }

  private Path resolve(EntryPath path) {
    Path target = sourceRoot;
    try {
      for (String segment : path.segments()) {
        target = target.resolve(segment);
      }
    } catch (InvalidPathException unusable) {
      throw new Refusal("The name " + path + " cannot be used as a file name; rename it.");
    }
    // EntryPath already rules out "..", absolute paths and drive letters; this check keeps the
    // promise even if a file system parses a name differently.
    if (!target.normalize().startsWith(sourceRoot) || target.equals(sourceRoot)) {
      throw new Refusal("The entry " + path + " points outside its folder; refused.");
    }
    return target;
  }

  /** Returns a byte count in MiB or KiB, as a person would say it. */
  static String size(long bytes) {
    long mib = 1024L * 1024L;
    if (bytes % mib == 0) {
      return bytes / mib + " MiB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }
}
