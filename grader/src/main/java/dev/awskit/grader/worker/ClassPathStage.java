package dev.awskit.grader.worker;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Puts the worker's class path where a confined worker can read it, without the hidden tests: a
 * grader that runs as root often finds its libraries in root's home ({@code /root/.m2}), which no
 * other uid may enter, and no file a worker can read may hold a hidden test (see {@link
 * HiddenClasses}). Each library jar is hard-linked (or copied, across file systems), and the
 * grader's own jar or class folders copied without the question packages, into a folder of the
 * grader's that everyone may read and only the grader may write, once per runner.
 */
final class ClassPathStage {

  private final Path folder;
  private List<String> staged;
  private String hiddenClassesLine;

  /** Creates a stage in {@code folder}, which must not exist yet or belong to the grader. */
  ClassPathStage(Path folder) {
    this.folder = folder;
  }

  /**
   * Returns the input line that hands a worker the hidden tests' classes read from {@code
   * entries}, reading them on the first call.
   */
  synchronized String hiddenClassesLine(List<String> entries) {
    if (hiddenClassesLine == null) {
      hiddenClassesLine = HiddenClasses.line(HiddenClasses.read(entries));
    }
    return hiddenClassesLine;
  }

  /** Returns the staged copies of {@code entries}, making them on the first call. */
  synchronized List<String> of(List<String> entries) {
    if (staged == null) {
      staged = stage(entries);
    }
    return staged;
  }

  private List<String> stage(List<String> entries) {
    try {
      Files.createDirectories(folder);
      List<String> copies = new ArrayList<>();
      for (int index = 0; index < entries.size(); index++) {
        Path entry = Path.of(entries.get(index));
        Path copy = folder.resolve(index + "-" + entry.getFileName());
        if (Files.isDirectory(entry)) {
          Sandbox.copyTree(entry, copy, HiddenClasses::isHidden);
        } else if (holdsHiddenClasses(entry)) {
          copyJarWithoutHiddenClasses(entry, copy);
        } else if (Files.exists(entry)) {
          linkOrCopy(entry, copy);
        } else {
          continue;
        }
        copies.add(copy.toString());
      }
      openToAll(folder);
      return List.copyOf(copies);
    } catch (IOException unwritable) {
      throw new UncheckedIOException("Cannot stage the worker's class path in " + folder, unwritable);
    }
  }

  private static boolean holdsHiddenClasses(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().anyMatch(entry -> HiddenClasses.isHidden(entry.getName()));
    } catch (java.util.zip.ZipException notAJar) {
      return false;
    }
  }

  private static void copyJarWithoutHiddenClasses(Path jar, Path copy) throws IOException {
    try (JarFile source = new JarFile(jar.toFile());
        JarOutputStream target =
            new JarOutputStream(new BufferedOutputStream(Files.newOutputStream(copy)))) {
      Enumeration<JarEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (HiddenClasses.isHidden(entry.getName())) {
          continue;
        }
        target.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream in = source.getInputStream(entry)) {
          in.transferTo(target);
        }
        target.closeEntry();
      }
    }
  }

  /** Links a jar that everyone may read already, and copies any other. */
  private static void linkOrCopy(Path jar, Path copy) throws IOException {
    boolean readableByAll =
        Files.getPosixFilePermissions(jar).contains(PosixFilePermission.OTHERS_READ);
    if (readableByAll) {
      try {
        Files.createLink(copy, jar);
        return;
      } catch (FileAlreadyExistsException | UnsupportedOperationException otherFileSystem) {
        // Copied below.
      } catch (IOException otherFileSystem) {
        // Copied below.
      }
    }
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Lets every uid read the stage, so that workers can; only the grader can change it. */
  private static void openToAll(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.toList()) {
        boolean linked = Integer.valueOf(1).compareTo((Integer) Files.getAttribute(path, "unix:nlink")) < 0;
        if (Files.isSymbolicLink(path) || (linked && !Files.isDirectory(path))) {
          // A link shares the original's permissions, which let everyone read already.
          continue;
        }
        Files.setPosixFilePermissions(
            path,
            PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }

  /** Returns {@code command} with the value of its {@code -cp} replaced by {@code classPath}. */
  static List<String> withClassPath(List<String> command, List<String> classPath) {
    List<String> changed = new ArrayList<>(command);
    int at = changed.indexOf("-cp");
    if (at >= 0 && at + 1 < changed.size()) {
      changed.set(at + 1, String.join(java.io.File.pathSeparator, classPath));
    }
    return changed;
  }

  /** Deletes the stage; the next {@link #of} makes it again. */
  synchronized void delete() {
    staged = null;
    hiddenClassesLine = null;
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException undeletable) {
      // Left for the system's temporary-folder clean-up.
    }
  }
}
