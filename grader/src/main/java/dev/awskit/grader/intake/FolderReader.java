package dev.awskit.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies the Java sources of a submission folder into the sandbox.
 *
 * <p>Links are never followed: a symbolic link anywhere below the folder refuses the submission,
 * because it could lead out of the folder (to the hidden tests, or to another student's work).
 */
final class FolderReader {

  private final IntakeLimits limits;

  FolderReader(IntakeLimits limits) {
    this.limits = limits;
  }

  /**
   * Walks {@code root} (a real path, links resolved) and hands every Java source to
   * {@code writer}; {@code sandbox} is never walked, should it lie inside the folder.
   */
  void read(Path root, Path sandbox, SandboxWriter writer) {
    try {
      Files.walkFileTree(root, new Visitor(root, sandbox, writer));
    } catch (IOException unreadable) {
      throw new Refusal("The submission folder cannot be read: " + describe(unreadable));
    }
  }

  private final class Visitor implements FileVisitor<Path> {

    private final Path root;
    private final Path sandbox;
    private final SandboxWriter writer;

    Visitor(Path root, Path sandbox, SandboxWriter writer) {
      this.root = root;
      this.sandbox = sandbox;
      this.writer = writer;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
      if (dir.equals(root)) {
        return FileVisitResult.CONTINUE;
      }
      if (dir.equals(sandbox)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      EntryPath path = relative(dir);
      Optional<String> skipped = SkipRules.skippedFolder(path.fileName());
      if (skipped.isPresent()) {
        writer.skipFolder(path + "/ (" + skipped.get() + ")");
        return FileVisitResult.SKIP_SUBTREE;
      }
      writer.countEntry();
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
      writer.countEntry();
      EntryPath path = relative(file);
      if (attributes.isSymbolicLink()) {
        throw new Refusal(
            "The submission holds a link (" + path + "); links are refused because they can"
                + " point outside the submission. Copy the file itself instead.");
      }
      if (!attributes.isRegularFile() || !path.hasSuffix(".java") || SkipRules.hiddenFile(path)) {
        writer.ignoreFile();
        return FileVisitResult.CONTINUE;
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        bytes = writer.readBounded(in, path);
      } catch (IOException unreadable) {
        throw new Refusal(path + " cannot be read: " + describe(unreadable));
      }
      writer.addSource(path, bytes);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) {
      throw new Refusal(relative(file) + " cannot be read: " + describe(failure));
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
      if (failure != null) {
        throw new Refusal(
            "The folder " + (dir.equals(root) ? "of the submission" : relative(dir).toString())
                + " cannot be read to the end: " + describe(failure));
      }
      return FileVisitResult.CONTINUE;
    }

    private EntryPath relative(Path path) {
      List<String> segments = new ArrayList<>();
      for (Path segment : root.relativize(path)) {
        segments.add(segment.toString());
      }
      return EntryPath.parse(String.join("/", segments), limits.maxPathLength());
    }
  }

  private static String describe(IOException failure) {
    String kind = failure.getClass().getSimpleName().replace("Exception", "");
    return failure instanceof AccessDeniedException
        ? "permission denied."
        : kind + (failure.getMessage() == null ? "." : " (" + failure.getMessage() + ").");
  }
}
