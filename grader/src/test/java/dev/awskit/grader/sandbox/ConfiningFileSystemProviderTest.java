package dev.awskit.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the confining provider in the grader's own JVM, without installing it as the default:
 * it wraps the built-in provider around a sandbox in a temporary folder, beside a folder that
 * stands for everything outside (the grader's jar, its reports).
 */
class ConfiningFileSystemProviderTest {

  private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

  private Path outsideFile;
  private Path sandboxFolder;
  private ConfinedFileSystem fs;
  private Path sandbox;
  private Path work;

  @BeforeEach
  void createSandbox(@TempDir Path temp) throws IOException {
    sandboxFolder = Files.createDirectory(temp.resolve("sandbox"));
    Files.createDirectory(sandboxFolder.resolve("work"));
    Path outside = Files.createDirectory(temp.resolve("outside"));
    outsideFile = Files.writeString(outside.resolve("secret.txt"), "hidden tests");
    FilePolicy policy =
        FilePolicy.of(sandboxFolder, JAVA_HOME, List.of(sandboxFolder.resolve("work")));
    fs =
        new ConfiningFileSystemProvider(FileSystems.getDefault().provider(), policy).fileSystem();
    sandbox = confined(sandboxFolder);
    work = sandbox.resolve("work");
  }

  @Test
  @DisplayName("files inside the sandbox can be written, read, copied, moved, listed and deleted")
  void readsAndWritesInside() throws IOException {
    // given
    Path file = work.resolve("upload.bin");

    // when
    Files.write(file, new byte[] {1, 2, 3});
    Path copy = Files.copy(file, work.resolve("copy.bin"));
    Path moved = Files.move(copy, work.resolve("moved.bin"), StandardCopyOption.ATOMIC_MOVE);
    Path temp = Files.createTempFile(work, "part", ".tmp");
    Files.writeString(temp, "text", StandardOpenOption.APPEND);
    Path folder = Files.createDirectories(work.resolve("a/b"));
    List<Path> walked;
    try (Stream<Path> files = Files.walk(work)) {
      walked = files.toList();
    }

    // then
    assertThat(Files.readAllBytes(moved)).as("bytes read back").containsExactly(1, 2, 3);
    assertThat(Files.readString(temp)).as("text appended to a temporary file").isEqualTo("text");
    assertThat(Files.exists(copy)).as("the moved file's old name").isFalse();
    assertThat(Files.size(file)).as("size of the written file").isEqualTo(3);
    assertThat(walked)
        .as("what walking the working folder finds")
        .contains(work, file, moved, temp, folder);
    assertThat(Files.isRegularFile(file)).as("isRegularFile inside").isTrue();
    assertThat(Files.isWritable(work)).as("isWritable of the working folder").isTrue();
    Files.delete(moved);
    assertThat(Files.deleteIfExists(temp)).as("deleteIfExists of the temporary file").isTrue();
    assertThat(Files.exists(moved)).as("the deleted file").isFalse();
  }

  @Test
  @DisplayName("a path outside the sandbox, absolute or through '..', is refused for every use")
  void refusesEveryUseOutside() throws IOException {
    // given
    Path absolute = confined(outsideFile);
    Path climbing = work.resolve("../../outside/secret.txt");
    Path beside = confined(outsideFile.resolveSibling("planted.txt"));

    for (Path outside : List.of(absolute, climbing)) {
      // when / then
      assertRefused(() -> Files.readString(outside), "reading " + outside);
      assertRefused(() -> Files.newByteChannel(outside).close(), "opening " + outside);
      assertRefused(
          () -> FileChannel.open(outside, StandardOpenOption.READ).close(), "a channel " + outside);
      assertRefused(() -> Files.writeString(outside, "changed"), "writing " + outside);
      assertRefused(
          () -> Files.writeString(outside, "x", StandardOpenOption.APPEND), "appending " + outside);
      Path folder = outside.getParent();
      assertRefused(() -> Files.list(folder).close(), "listing " + folder);
      assertRefused(() -> Files.walk(folder).close(), "walking " + folder);
      assertRefused(
          () -> Files.readAttributes(outside, BasicFileAttributes.class), "attributes " + outside);
      assertRefused(() -> Files.size(outside), "size of " + outside);
      assertRefused(() -> Files.getLastModifiedTime(outside), "time of " + outside);
      assertRefused(() -> outside.toRealPath(), "real path of " + outside);
      assertRefused(() -> Files.isSameFile(outside, work), "isSameFile with " + outside);
      assertRefused(() -> Files.getFileStore(outside), "file store of " + outside);
      assertRefused(
          () -> Files.setLastModifiedTime(outside, FileTime.fromMillis(0)), "touching " + outside);
      assertRefused(() -> Files.copy(outside, work.resolve("stolen.txt")), "copying " + outside);
      assertRefused(() -> Files.move(outside, work.resolve("stolen.txt")), "moving " + outside);
      assertRefused(() -> Files.delete(outside), "deleting " + outside);
      assertThat(Files.exists(outside)).as("exists(%s)", outside).isFalse();
      assertThat(Files.isRegularFile(outside)).as("isRegularFile(%s)", outside).isFalse();
      assertThat(Files.isReadable(outside)).as("isReadable(%s)", outside).isFalse();
    }
    assertRefused(() -> Files.copy(work, beside), "copying out to " + beside);
    assertRefused(() -> Files.createDirectory(beside), "a folder at " + beside);
    assertRefused(() -> Files.createTempFile(beside.getParent(), "x", ".tmp"), "a temporary file");

    // then
    assertThat(outsideFile).as("the file outside").hasContent("hidden tests");
    assertThat(outsideFile.resolveSibling("planted.txt")).as("a planted file").doesNotExist();
  }

  @Test
  @DisplayName("the JDK's files can be read but not changed")
  void javaHomeIsReadOnly() throws IOException {
    // given
    Path home = confined(JAVA_HOME);
    Path release = home.resolve("release");

    // when
    String read = Files.readString(release, StandardCharsets.UTF_8);
    long entries;
    try (Stream<Path> files = Files.list(home)) {
      entries = files.count();
    }

    // then
    assertThat(read).as("java.home/release").contains("JAVA_VERSION");
    assertThat(entries).as("entries of java.home").isPositive();
    assertThat(Files.isWritable(release)).as("isWritable of java.home/release").isFalse();
    assertRefused(() -> Files.writeString(home.resolve("planted"), "x"), "writing in java.home");
    assertRefused(() -> Files.delete(release), "deleting java.home/release");
    assertRefused(
        () -> Files.setLastModifiedTime(release, FileTime.fromMillis(0)), "touching java.home");
    BasicFileAttributeView view = Files.getFileAttributeView(release, BasicFileAttributeView.class);
    assertThat(view.readAttributes().isRegularFile()).as("attributes through a view").isTrue();
    assertRefused(() -> view.setTimes(null, null, null), "changing times through a view");
  }

  @Test
  @DisplayName("links and folder watches are refused even inside the sandbox")
  void refusesLinksAndWatches() throws IOException {
    // given
    Path target = Files.writeString(work.resolve("target.txt"), "x");

    // when / then
    assertThatThrownBy(() -> Files.createSymbolicLink(work.resolve("link"), confined(outsideFile)))
        .as("a symbolic link")
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not create links");
    assertThatThrownBy(() -> Files.createLink(work.resolve("hard"), target))
        .as("a hard link")
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not create links");
    assertThatThrownBy(fs::newWatchService)
        .as("a watch service")
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not watch folders");
    assertThat(work.resolve("link")).as("the link").doesNotExist();
  }

  @Test
  @DisplayName("every path the provider hands back is confined: listings, real paths, parents")
  void handsBackOnlyConfinedPaths() throws IOException {
    // given
    Files.writeString(work.resolve("a.txt"), "a");
    Files.createDirectory(work.resolve("sub"));

    // when
    List<Path> listed;
    try (Stream<Path> files = Files.list(work)) {
      listed = files.toList();
    }
    List<Path> globbed = new ArrayList<>();
    try (var stream = Files.newDirectoryStream(work, "*.txt")) {
      stream.forEach(globbed::add);
    }

    // then
    assertThat(listed).as("entries of the working folder").hasSize(2).allSatisfy(this::isConfined);
    assertThat(globbed).as("entries matching *.txt").hasSize(1).allSatisfy(this::isConfined);
    isConfined(work.resolve("a.txt").toRealPath());
    isConfined(work.getParent().getParent());
    isConfined(work.getRoot());
    isConfined(work.toAbsolutePath().normalize());
    isConfined(work.relativize(work.resolve("sub")));
    assertThat(fs.getRootDirectories()).as("roots").allSatisfy(this::isConfined);
    assertThatThrownBy(() -> fs.provider().checkAccess(outsideFile))
        .as("a built-in path handed to the provider itself")
        .isInstanceOf(ProviderMismatchException.class);
  }

  @Test
  @DisplayName("the sandbox's own folders stay; the files in them can change")
  void keepsTheSandboxFolders() throws IOException {
    // given
    Path file = Files.writeString(work.resolve("a.txt"), "a");

    // when / then
    assertKept(() -> Files.delete(work), "deleting the working folder");
    assertKept(() -> Files.move(work, sandbox.resolve("moved")), "moving the working folder");
    assertKept(() -> Files.delete(sandbox), "deleting the sandbox root");
    assertKept(
        () -> Files.setLastModifiedTime(work, FileTime.fromMillis(0)), "touching the work folder");
    assertThat(Files.createDirectories(work))
        .as("createDirectories of the working folder, which exists")
        .isEqualTo(work);
    Files.delete(file);
    assertThat(Files.isDirectory(work)).as("the working folder after the attempts").isTrue();
    assertThat(Files.exists(file)).as("a file in it, deleted").isFalse();
  }

  private Path confined(Path builtIn) {
    return fs.getPath(builtIn.toString());
  }

  private void isConfined(Path path) {
    assertThat(path).as("a path handed back").isInstanceOf(ConfinedPath.class);
    assertThat(path.getFileSystem()).as("file system of %s", path).isSameAs(fs);
  }

  private static void assertKept(ThrowingCallable call, String what) {
    assertThatThrownBy(call)
        .as(what)
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining(FilePolicy.KEPT_FOLDER);
  }

  private static void assertRefused(ThrowingCallable call, String what) {
    assertThatThrownBy(call)
        .as(what)
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining(FilePolicy.OUTSIDE_SANDBOX);
  }
}
