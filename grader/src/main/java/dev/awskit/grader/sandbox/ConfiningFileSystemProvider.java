package dev.awskit.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Confines {@code java.nio.file} in a worker JVM to the worker's sandbox: the default file-system
 * provider there, installed with {@code -Djava.nio.file.spi.DefaultFileSystemProvider} (see {@link
 * #jvmOptions}).
 *
 * <p>It wraps the JDK's built-in provider. Every operation that touches the file system first asks
 * the {@link FilePolicy}: read and write under the sandbox root, read only under {@code
 * java.home}, nothing else; creating links is refused everywhere. A refusal is an {@link
 * java.nio.file.AccessDeniedException} whose reason a student can read. Only then is the path
 * unwrapped and the call handed to the built-in provider, and every path that comes back is
 * wrapped again, so code under grading never holds a path the built-in provider would take
 * unchecked.
 *
 * <p>It does not see {@code java.io} ({@code FileInputStream}, {@code File.delete}, ...), which
 * does not go through {@code java.nio.file}: the JVM loads classes that way, and the static vetting
 * refuses it to submissions.
 */
public final class ConfiningFileSystemProvider extends FileSystemProvider {

  /** Names the system property that holds the worker's sandbox folder. */
  public static final String ROOT_PROPERTY = "awskit.sandbox.root";

  private static final Set<OpenOption> WRITING =
      Set.of(
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND,
          StandardOpenOption.CREATE,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.DELETE_ON_CLOSE);

  private final FileSystemProvider builtIn;
  private final FilePolicy policy;
  private final ConfinedFileSystem fileSystem;

  /**
   * Wraps the JDK's built-in provider with the policy the worker's system properties describe. The
   * JVM calls this constructor when it installs the default provider.
   *
   * @throws IllegalStateException when {@value #ROOT_PROPERTY} is not set
   */
  public ConfiningFileSystemProvider(FileSystemProvider builtIn) {
    this(builtIn, FilePolicy.fromSystemProperties(builtIn.getFileSystem(URI.create("file:///"))));
  }

  /** Wraps the built-in provider with the given policy (the grader's tests use it directly). */
  ConfiningFileSystemProvider(FileSystemProvider builtIn, FilePolicy policy) {
    this.builtIn = builtIn;
    this.policy = policy;
    this.fileSystem = new ConfinedFileSystem(this, builtIn.getFileSystem(URI.create("file:///")));
  }

  /** Returns the JVM options that install this provider in a worker sandboxed in {@code root}. */
  public static List<String> jvmOptions(Path root) {
    return List.of(
        "-Djava.nio.file.spi.DefaultFileSystemProvider="
            + ConfiningFileSystemProvider.class.getName(),
        "-D" + ROOT_PROPERTY + "=" + root.toAbsolutePath());
  }

  FilePolicy policy() {
    return policy;
  }

  /** Returns the one file system of this provider, the worker's default. */
  ConfinedFileSystem fileSystem() {
    return fileSystem;
  }

  @Override
  public String getScheme() {
    return builtIn.getScheme();
  }

  /** Refuses, as the built-in provider does: the default file system exists already. */
  @Override
  public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
    throw new FileSystemAlreadyExistsException();
  }

  @Override
  public FileSystem getFileSystem(URI uri) {
    // The built-in provider checks that the URI names the default file system.
    builtIn.getFileSystem(uri);
    return fileSystem;
  }

  @Override
  public Path getPath(URI uri) {
    return fileSystem.wrap(builtIn.getPath(uri));
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    return builtIn.newByteChannel(checkOpen(path, options), options, attrs);
  }

  @Override
  public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
    return builtIn.newInputStream(checkOpen(path, Arrays.asList(options)), options);
  }

  @Override
  public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
    // With no options an output stream creates, truncates and writes.
    return builtIn.newOutputStream(checkWrite(path), options);
  }

  @Override
  public FileChannel newFileChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    return builtIn.newFileChannel(checkOpen(path, options), options, attrs);
  }

  @Override
  public AsynchronousFileChannel newAsynchronousFileChannel(
      Path path,
      Set<? extends OpenOption> options,
      ExecutorService executor,
      FileAttribute<?>... attrs)
      throws IOException {
    return builtIn.newAsynchronousFileChannel(checkOpen(path, options), options, executor, attrs);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
    DirectoryStream<Path> entries =
        builtIn.newDirectoryStream(
            checkRead(dir), entry -> filter.accept(fileSystem.wrap(entry)));
    // A plain stream, never the built-in SecureDirectoryStream, which opens files by itself.
    return new DirectoryStream<>() {
      @Override
      public Iterator<Path> iterator() {
        Iterator<Path> inner = entries.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return inner.hasNext();
          }

          @Override
          public Path next() {
            return fileSystem.wrap(inner.next());
          }
        };
      }

      @Override
      public void close() throws IOException {
        entries.close();
      }
    };
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    builtIn.createDirectory(checkWrite(dir), attrs);
  }

  @Override
  public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs)
      throws IOException {
    throw FilePolicy.refused(link, FilePolicy.NO_LINKS);
  }

  @Override
  public void createLink(Path link, Path existing) throws IOException {
    throw FilePolicy.refused(link, FilePolicy.NO_LINKS);
  }

  @Override
  public void delete(Path path) throws IOException {
    builtIn.delete(checkChange(path));
  }

  @Override
  public boolean deleteIfExists(Path path) throws IOException {
    return builtIn.deleteIfExists(checkChange(path));
  }

  @Override
  public Path readSymbolicLink(Path link) throws IOException {
    return fileSystem.wrap(builtIn.readSymbolicLink(checkRead(link)));
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) throws IOException {
    builtIn.copy(checkRead(source), checkChange(target), options);
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) throws IOException {
    builtIn.move(checkChange(source), checkChange(target), options);
  }

  @Override
  public boolean isSameFile(Path path, Path path2) throws IOException {
    if (path.equals(path2)) {
      return true;
    }
    if (!(path2 instanceof ConfinedPath)) {
      return false;
    }
    return builtIn.isSameFile(checkRead(path), checkRead(path2));
  }

  @Override
  public boolean isHidden(Path path) throws IOException {
    return builtIn.isHidden(checkRead(path));
  }

  @Override
  public FileStore getFileStore(Path path) throws IOException {
    return builtIn.getFileStore(checkRead(path));
  }

  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    boolean writing = Arrays.asList(modes).contains(AccessMode.WRITE);
    builtIn.checkAccess(writing ? checkWrite(path) : checkRead(path), modes);
  }

  /**
   * Returns the built-in view where code may change the file; elsewhere a view that reads only
   * where code may read, and refuses every change. A view cannot refuse when it is made (the method
   * throws no {@code IOException}), so its methods do.
   */
  @Override
  public <V extends FileAttributeView> V getFileAttributeView(
      Path path, Class<V> type, LinkOption... options) {
    Path inner = fileSystem.unwrap(path);
    V view = builtIn.getFileAttributeView(inner, type, options);
    if (view == null || policy.mayChange(inner)) {
      return view;
    }
    InvocationHandler guard =
        (proxy, method, args) -> {
          String name = method.getName();
          boolean changes =
              name.startsWith("set") || name.equals("write") || name.equals("delete");
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(view, args);
          }
          if (!name.equals("name")) {
            if (changes) {
              policy.checkChange(inner, path);
            } else {
              policy.checkRead(inner, path);
            }
          }
          try {
            return method.invoke(view, args);
          } catch (InvocationTargetException failed) {
            throw failed.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(
            ConfiningFileSystemProvider.class.getClassLoader(), new Class<?>[] {type}, guard));
  }

  @Override
  public <A extends BasicFileAttributes> A readAttributes(
      Path path, Class<A> type, LinkOption... options) throws IOException {
    return builtIn.readAttributes(checkRead(path), type, options);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    return builtIn.readAttributes(checkRead(path), attributes, options);
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
      throws IOException {
    builtIn.setAttribute(checkChange(path), attribute, value, options);
  }

  private Path checkOpen(Path path, Collection<? extends OpenOption> options) throws IOException {
    for (OpenOption option : options) {
      if (WRITING.contains(option)) {
        return checkWrite(path);
      }
    }
    return checkRead(path);
  }

  private Path checkRead(Path path) throws IOException {
    Path inner = fileSystem.unwrap(path);
    policy.checkRead(inner, path);
    return inner;
  }

  private Path checkWrite(Path path) throws IOException {
    Path inner = fileSystem.unwrap(path);
    policy.checkWrite(inner, path);
    return inner;
  }

  private Path checkChange(Path path) throws IOException {
    Path inner = fileSystem.unwrap(path);
    policy.checkChange(inner, path);
    return inner;
  }
}
