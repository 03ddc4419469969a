package dev.awskit.grader.sandbox;

import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Wraps the JDK's built-in default file system, so that every path it makes is a {@link
 * ConfinedPath} whose operations go through the {@link ConfiningFileSystemProvider}.
 */
final class ConfinedFileSystem extends FileSystem {

  private final ConfiningFileSystemProvider provider;
  private final FileSystem builtIn;

  ConfinedFileSystem(ConfiningFileSystemProvider provider, FileSystem builtIn) {
    this.provider = provider;
    this.builtIn = builtIn;
  }

  /** Wraps a built-in path; {@code null} stays {@code null}, as in getParent of a root. */
  ConfinedPath wrap(Path inner) {
    return inner == null ? null : new ConfinedPath(this, inner);
  }

  /**
   * Returns the built-in path inside a path of this file system.
   *
   * @throws ProviderMismatchException for a path of any other file system, as the built-in one
   *     does: the built-in provider must never receive a path this one has not checked
   */
  Path unwrap(Path path) {
    if (path instanceof ConfinedPath confined && confined.getFileSystem() == this) {
      return confined.inner();
    }
    if (path == null) {
      throw new NullPointerException("path");
    }
    throw new ProviderMismatchException(
        "The path " + path + " does not belong to the default file system");
  }

  @Override
  public ConfiningFileSystemProvider provider() {
    return provider;
  }

  /** Refuses to close, as the built-in default file system does. */
  @Override
  public void close() {
    throw new UnsupportedOperationException("The default file system cannot be closed");
  }

  @Override
  public boolean isOpen() {
    return builtIn.isOpen();
  }

  @Override
  public boolean isReadOnly() {
    return builtIn.isReadOnly();
  }

  @Override
  public String getSeparator() {
    return builtIn.getSeparator();
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    List<Path> roots = new ArrayList<>();
    for (Path root : builtIn.getRootDirectories()) {
      roots.add(wrap(root));
    }
    return List.copyOf(roots);
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return builtIn.getFileStores();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return builtIn.supportedFileAttributeViews();
  }

  @Override
  public Path getPath(String first, String... more) {
    return wrap(builtIn.getPath(first, more));
  }

  /** Returns the built-in matcher, which matches on a path's text and so takes wrapped paths. */
  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    return builtIn.getPathMatcher(syntaxAndPattern);
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    return builtIn.getUserPrincipalLookupService();
  }

  /**
   * Refuses to watch folders: a watch service polls on a thread of the JDK that outlives the test,
   * and watching is a way to see what the grader does beside the sandbox.
   */
  @Override
  public WatchService newWatchService() throws java.nio.file.AccessDeniedException {
    throw FilePolicy.refused(null, FilePolicy.NO_WATCHING);
  }
}
