package dev.awskit.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a submission, a folder of Java sources or a zip of them, into a sandbox folder of UTF-8
 * sources, or refuses it with a reason a student can act on.
 *
 * <p>Each call creates a new sandbox folder under the parent given to the constructor and never
 * writes anywhere else. A refused submission leaves nothing behind. The intake is safe to share
 * between threads: it keeps no state between calls.
 *
 * <p>Refused: a missing path, a single file that is not a zip, a damaged zip, an archive entry
 * that is absolute or climbs out with {@code ..}, a link (in a zip or in a folder), more entries
 * or bytes than the {@link IntakeLimits}, an unreadable file, a submission without any
 * {@code .java} file, and (when the policy says so) a source that is not valid UTF-8.
 *
 * <p>Left out, with a warning: files that are not {@code .java}, hidden files and folders,
 * {@code target/}, {@code build/}, {@code out/}, {@code bin/}, {@code __MACOSX/}, nested
 * archives (never expanded) and {@code module-info.java}.
 */
public final class SubmissionIntake {

  private final Path sandboxParent;
  private final IntakeLimits limits;
  private final UndecodableSource undecodable;

  /**
   * Creates an intake that puts sandboxes under {@code sandboxParent} (created when missing).
   *
   * @param sandboxParent the folder that receives one sandbox folder per submission
   * @param limits the bounds on archives and sources
   * @param undecodable what to do with a source that is not valid UTF-8
   */
  public SubmissionIntake(
      Path sandboxParent, IntakeLimits limits, UndecodableSource undecodable) {
    this.sandboxParent = Objects.requireNonNull(sandboxParent, "sandboxParent");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.undecodable = Objects.requireNonNull(undecodable, "undecodable");
  }

  /** Creates an intake with the default limits that reads non-UTF-8 sources as windows-1252. */
  public SubmissionIntake(Path sandboxParent) {
    this(sandboxParent, IntakeLimits.defaults(), UndecodableSource.DECODE_AS_WINDOWS_1252);
  }

  /**
   * Takes in the submission at {@code submission}: copies its sources into a new sandbox, or
   * refuses it.
   *
   * @throws UncheckedIOException when the sandbox itself cannot be written (the grader's own
   *     disk, not the submission, is at fault)
   */
  public IntakeResult receive(Path submission) {
    Objects.requireNonNull(submission, "submission");
    Kind kind;
    try {
      kind = kindOf(submission);
    } catch (Refusal refusal) {
      return new IntakeResult.Refused(refusal.getMessage());
    }
    Path sandbox = createSandbox(submission);
    try {
      Path sourceRoot = Files.createDirectory(sandbox.resolve("src"));
      SandboxWriter writer =
          new SandboxWriter(sourceRoot, limits, new SourceDecoder(undecodable));
      if (kind == Kind.FOLDER) {
        new FolderReader(limits).read(realPath(submission), sandbox.toRealPath(), writer);
      } else {
        new ZipReader(limits).read(submission, writer);
      }
      if (writer.sources().isEmpty()) {
        throw new Refusal(noSources(writer.skippedFolders()));
      }
      return new IntakeResult.Accepted(sandbox, sourceRoot, writer.sources(), writer.warnings());
    } catch (Refusal refusal) {
      delete(sandbox);
      return new IntakeResult.Refused(refusal.getMessage());
    } catch (IOException | RuntimeException failure) {
      delete(sandbox);
      if (failure instanceof IOException io) {
        throw new UncheckedIOException("Cannot prepare the sandbox " + sandbox, io);
      }
      throw (RuntimeException) failure;
    }
  }

  private enum Kind {
    FOLDER,
    ZIP
  }

  private static Kind kindOf(Path submission) {
    if (!Files.exists(submission)) {
      throw new Refusal("There is no submission at " + submission + ": the path does not exist.");
    }
    if (Files.isDirectory(submission)) {
      if (!Files.isReadable(submission)) {
        throw new Refusal("The submission folder " + submission + " cannot be read.");
      }
      return Kind.FOLDER;
    }
    if (!Files.isRegularFile(submission)) {
      throw new Refusal(
          submission + " is neither a folder nor a file; submit a folder of .java files or a"
              + " zip of it.");
    }
    boolean zipName = submission.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    if (startsLikeZip(submission)) {
      return Kind.ZIP;
    }
    if (zipName) {
      throw new Refusal(
          submission.getFileName() + " is not a readable zip archive (it may be damaged or cut"
              + " short). Zip the folder again.");
    }
    throw new Refusal(
        submission.getFileName() + " is a single file, not a folder or a zip; submit a folder of"
            + " .java files or a zip of it.");
  }

  /** Returns whether the file starts with a zip signature: a local header, or an empty zip. */
  private static boolean startsLikeZip(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    } catch (IOException unreadable) {
      throw new Refusal(file.getFileName() + " cannot be read: " + unreadable.getMessage());
    }
    return head.length == 4
        && head[0] == 'P'
        && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
  }

  private static String noSources(Set<String> skippedFolders) {
    String message = "The submission holds no Java source (.java file)";
    if (!skippedFolders.isEmpty()) {
      message +=
          " outside the folders the grader does not look into ("
              + String.join(", ", skippedFolders.stream().sorted().toList()) + ")";
    }
    return message + ". Submit the folder that holds your .java files, or a zip of it.";
  }

  private Path createSandbox(Path submission) {
    try {
      Files.createDirectories(sandboxParent);
      return Files.createTempDirectory(sandboxParent, prefix(submission));
    } catch (IOException failure) {
      throw new UncheckedIOException("Cannot create a sandbox under " + sandboxParent, failure);
    }
  }

  private static String prefix(Path submission) {
    Path name = submission.toAbsolutePath().normalize().getFileName();
    String safe = name == null ? "" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 40) {
      safe = safe.substring(0, 40);
    }
    return "submission-" + safe + "-";
  }

  private static Path realPath(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException unreadable) {
      throw new Refusal("The submission folder cannot be read: " + unreadable.getMessage());
    }
  }

  /** Deletes a sandbox; it holds only what the intake wrote, so no link is ever followed. */
  private static void delete(Path sandbox) {
    try {
      Files.walkFileTree(
          sandbox,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException leftOver) {
      // A sandbox that cannot be deleted is left for the caller's clean-up of the parent folder.
    }
  }
}
