package dev.awskit.grader.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Wraps a path of the JDK's built-in file system, so that {@code Files} hands every operation on it
 * to the {@link ConfiningFileSystemProvider} ({@code Files} asks a path for its provider).
 *
 * <p>Operations on the path's name alone (resolve, normalize, relativize, getParent, ...) are not
 * checked; each returns a wrapped path again, so that no built-in path ever reaches code under
 * grading. The one operation that reads the file system, {@link #toRealPath}, is checked.
 */
final class ConfinedPath implements Path {

  private final ConfinedFileSystem fileSystem;
  private final Path inner;

  ConfinedPath(ConfinedFileSystem fileSystem, Path inner) {
    this.fileSystem = fileSystem;
    this.inner = inner;
  }

  /** Returns the built-in path this one wraps, for the built-in provider only. */
  Path inner() {
    return inner;
  }

  @Override
  public ConfinedFileSystem getFileSystem() {
    return fileSystem;
  }

  @Override
  public boolean isAbsolute() {
    return inner.isAbsolute();
  }

  @Override
  public Path getRoot() {
    return fileSystem.wrap(inner.getRoot());
  }

  @Override
  public Path getFileName() {
    return fileSystem.wrap(inner.getFileName());
  }

  @Override
  public Path getParent() {
    return fileSystem.wrap(inner.getParent());
  }

  @Override
  public int getNameCount() {
    return inner.getNameCount();
  }

  @Override
  public Path getName(int index) {
    return fileSystem.wrap(inner.getName(index));
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    return fileSystem.wrap(inner.subpath(beginIndex, endIndex));
  }

  @Override
  public boolean startsWith(Path other) {
    return other instanceof ConfinedPath confined
        && confined.fileSystem == fileSystem
        && inner.startsWith(confined.inner);
  }

  @Override
  public boolean endsWith(Path other) {
    return other instanceof ConfinedPath confined
        && confined.fileSystem == fileSystem
        && inner.endsWith(confined.inner);
  }

  @Override
  public Path normalize() {
    return fileSystem.wrap(inner.normalize());
  }

  @Override
  public Path resolve(Path other) {
    return fileSystem.wrap(inner.resolve(fileSystem.unwrap(other)));
  }

  @Override
  public Path relativize(Path other) {
    return fileSystem.wrap(inner.relativize(fileSystem.unwrap(other)));
  }

  @Override
  public URI toUri() {
    return inner.toUri();
  }

  @Override
  public Path toAbsolutePath() {
    return fileSystem.wrap(inner.toAbsolutePath());
  }

  @Override
  public Path toRealPath(LinkOption... options) throws IOException {
    fileSystem.provider().policy().checkRead(inner, this);
    return fileSystem.wrap(inner.toRealPath(options));
  }

  /** Refuses every watch service: this file system makes none, so any other is foreign. */
  @Override
  public WatchKey register(
      WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
    throw new ProviderMismatchException(FilePolicy.NO_WATCHING);
  }

  @Override
  public int compareTo(Path other) {
    return inner.compareTo(((ConfinedPath) other).inner);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfinedPath confined
        && confined.fileSystem == fileSystem
        && inner.equals(confined.inner);
  }

  @Override
  public int hashCode() {
    return inner.hashCode();
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
