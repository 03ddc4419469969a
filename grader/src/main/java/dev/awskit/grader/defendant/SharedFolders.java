package dev.awskit.grader.defendant;

import dev.awskit.grader.hidden.SubmissionExtension;
import dev.awskit.grader.hidden.SubmissionHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Puts the hidden tests' temporary folders ({@code @TempDir}) where the defendant reaches them
 * under the same path, and hands the defendant what a test passes it there.
 *
 * <p>A judge that runs as root creates its files as root, and a defendant that runs as a uid of
 * its own could then neither overwrite them nor write in their folders, as a submission that ran
 * beside its tests could. So the folder each test gets, and every file or folder under it whose
 * path crosses to the defendant, is given to the owner of the shared folder, the defendant's uid.
 * The defendant owns that folder and may swap any name in it for a link while this runs, so no
 * name is followed: each folder is opened from the one above without following a link, and owners
 * are changed on open folders or on names that are never followed. The shared folder's parent,
 * the defendant's sandbox, is one it cannot replace.
 */
public final class SharedFolders implements TempDirFactory {

  /** Caps how many entries a folder that crosses hands over, below it, in all. */
  private static final int MAX_ENTRIES = 10_000;

  /** Creates the factory; JUnit calls it by name. */
  public SharedFolders() {}

  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
      throws Exception {
    Optional<Path> shared =
        SubmissionExtension.hostOf(context).flatMap(SubmissionHost::folderForTests);
    if (shared.isEmpty()) {
      return TempDirFactory.Standard.INSTANCE.createTempDirectory(element, context);
    }
    Path parent = shared.get();
    if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(
          "The folder the tests share with the submission's code, " + parent
              + ", was moved or replaced by something other than a folder");
    }
    Path folder = Files.createTempDirectory(parent, "junit");
    handOver(parent, folder);
    return folder;
  }

  /**
   * Gives {@code path}, the folders between {@code shared} and it, and everything below it when
   * it is a folder, to the owner of {@code shared}; does nothing for a path outside {@code
   * shared}, or on a system without secure folder streams (none of which confines a defendant as
   * a uid of its own).
   */
  static void handOver(Path shared, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!absolute.startsWith(shared) || absolute.equals(shared)) {
      return;
    }
    List<Path> names = new ArrayList<>();
    shared.relativize(absolute).forEach(names::add);
    try (DirectoryStream<Path> sandbox = Files.newDirectoryStream(shared.getParent())) {
      if (!(sandbox instanceof SecureDirectoryStream<Path> opened)) {
        return;
      }
      try (SecureDirectoryStream<Path> sharing =
          opened.newDirectoryStream(shared.getFileName(), LinkOption.NOFOLLOW_LINKS)) {
        UserPrincipal owner =
            sharing.getFileAttributeView(PosixFileAttributeView.class).readAttributes().owner();
        handOver(sharing, names, owner);
      }
    } catch (NoSuchFileException | NotDirectoryException gone) {
      // Nothing there yet, or a name the defendant replaced: nothing of the judge's to hand over.
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static void handOver(
      SecureDirectoryStream<Path> folder, List<Path> names, UserPrincipal owner)
      throws IOException {
    Path name = names.get(0);
    PosixFileAttributeView entry =
        folder.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (entry.readAttributes().isSymbolicLink()) {
      return;
    }
    if (!entry.readAttributes().isDirectory()) {
      if (names.size() == 1) {
        giveTo(entry, owner);
      }
      return;
    }
    try (SecureDirectoryStream<Path> inner = folder.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
      giveTo(inner.getFileAttributeView(PosixFileAttributeView.class), owner);
      if (names.size() > 1) {
        handOver(inner, names.subList(1, names.size()), owner);
      } else {
        handOverAll(inner, owner, new int[] {0});
      }
    }
  }

  private static void handOverAll(SecureDirectoryStream<Path> folder, UserPrincipal owner, int[] count)
      throws IOException {
    for (Path child : folder) {
      if (++count[0] > MAX_ENTRIES) {
        return;
      }
      Path name = child.getFileName();
      PosixFileAttributeView entry =
          folder.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (entry.readAttributes().isSymbolicLink()) {
        continue;
      }
      if (entry.readAttributes().isDirectory()) {
        try (SecureDirectoryStream<Path> inner =
            folder.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
          giveTo(inner.getFileAttributeView(PosixFileAttributeView.class), owner);
          handOverAll(inner, owner, count);
        }
      } else {
        giveTo(entry, owner);
      }
    }
  }

  private static void giveTo(PosixFileAttributeView entry, UserPrincipal owner) throws IOException {
    if (!owner.equals(entry.readAttributes().owner())) {
      entry.setOwner(owner);
    }
  }
}
