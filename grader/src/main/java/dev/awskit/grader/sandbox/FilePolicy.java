package dev.awskit.grader.sandbox;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which files code in a worker JVM may touch: anything under the sandbox root, to read and
 * write; the JDK's own files under {@code java.home}, to read only; nothing else.
 *
 * <p>Paths are compared lexically, after making them absolute and removing {@code .} and {@code
 * ..}. That is sound because nothing in the sandbox is a link: the grader creates none and the
 * provider refuses to create any, so the file system resolves a sandbox path the way the lexical
 * form says. Each root is known in its given form and in its real form (the system's temporary
 * folder may itself be a link, as {@code /tmp} is on macOS; the working folder, from which
 * relative paths start, is the real one).
 *
 * <p>The sandbox root and the worker's working, temporary and home folders are <em>kept</em>: code
 * may create and change files in them, not delete, replace or change the folders themselves, so
 * the tests that follow in the same worker still find them.
 */
final class FilePolicy {

  /** Tells a student why a file was refused. */
  static final String OUTSIDE_SANDBOX =
      "code under grading may use only its working and temporary folders and the files the tests"
          + " hand it";

  /** Tells a student why a link was refused. */
  static final String NO_LINKS =
      "code under grading may not create links, which could lead out of its folders";

  /** Tells a student why a kept folder was refused. */
  static final String KEPT_FOLDER =
      "code under grading may not delete, replace or change its working, temporary or home folder"
          + " itself, only the files in it";

  /** Tells a student why watching folders was refused. */
  static final String NO_WATCHING =
      "code under grading may not watch folders for changes; no exercise needs it";

  private final List<Path> writable;
  private final List<Path> readable;
  private final Set<Path> kept;

  private FilePolicy(List<Path> writable, List<Path> readable, Set<Path> kept) {
    this.writable = writable;
    this.readable = readable;
    this.kept = kept;
  }

  /**
   * Creates the policy of a sandbox.
   *
   * @param sandboxRoot the folder code may read and write in; a path of the built-in file system
   * @param javaHome the JDK's folder, which code may read
   * @param keptFolders folders under the root that must stay where they are (the root is one)
   */
  static FilePolicy of(Path sandboxRoot, Path javaHome, Collection<Path> keptFolders) {
    List<Path> writable = forms(sandboxRoot);
    List<Path> readable = new ArrayList<>(writable);
    // The JDK reads its own files through java.nio.file at times: javax.crypto lists
    // conf/security/policy the first time the SDK signs a request (question 5 presigns URLs).
    readable.addAll(forms(javaHome));
    Set<Path> kept = new LinkedHashSet<>(forms(sandboxRoot));
    for (Path folder : keptFolders) {
      for (Path form : forms(folder)) {
        if (isUnder(form, writable)) {
          kept.add(form);
        }
      }
    }
    return new FilePolicy(List.copyOf(writable), List.copyOf(readable), Set.copyOf(kept));
  }

  /**
   * Creates the policy of the running worker from its system properties: the sandbox root from
   * {@value ConfiningFileSystemProvider#ROOT_PROPERTY}, the JDK from {@code java.home}, and as kept
   * folders the working ({@code user.dir}), temporary ({@code java.io.tmpdir}) and home ({@code
   * user.home}) folders.
   *
   * @throws IllegalStateException when the sandbox root is not set: a worker without it would be
   *     confined to nothing, so it must not start
   */
  static FilePolicy fromSystemProperties(FileSystem builtIn) {
    String root = System.getProperty(ConfiningFileSystemProvider.ROOT_PROPERTY, "");
    if (root.isBlank()) {
      throw new IllegalStateException(
          "The system property "
              + ConfiningFileSystemProvider.ROOT_PROPERTY
              + " must name the worker's sandbox folder");
    }
    List<Path> keptFolders = new ArrayList<>();
    for (String property : List.of("user.dir", "java.io.tmpdir", "user.home")) {
      String folder = System.getProperty(property, "");
      if (!folder.isBlank()) {
        keptFolders.add(builtIn.getPath(folder));
      }
    }
    return of(
        builtIn.getPath(root), builtIn.getPath(System.getProperty("java.home")), keptFolders);
  }

  /** Refuses {@code path} unless code may read it. */
  void checkRead(Path path, Object shown) throws AccessDeniedException {
    if (!isUnder(lexical(path), readable)) {
      throw refused(shown, OUTSIDE_SANDBOX);
    }
  }

  /** Refuses {@code path} unless code may create or write it. */
  void checkWrite(Path path, Object shown) throws AccessDeniedException {
    if (!isUnder(lexical(path), writable)) {
      throw refused(shown, OUTSIDE_SANDBOX);
    }
  }

  /** Refuses {@code path} unless code may delete, replace or change it. */
  void checkChange(Path path, Object shown) throws AccessDeniedException {
    checkWrite(path, shown);
    if (kept.contains(lexical(path))) {
      throw refused(shown, KEPT_FOLDER);
    }
  }

  /** Tells whether code may delete, replace or change {@code path}. */
  boolean mayChange(Path path) {
    Path lexical = lexical(path);
    return isUnder(lexical, writable) && !kept.contains(lexical);
  }

  /** Tells whether code may read {@code path}. */
  boolean mayRead(Path path) {
    return isUnder(lexical(path), readable);
  }

  /** Returns the exception a refused path gets, naming the path as the code gave it. */
  static AccessDeniedException refused(Object shown, String reason) {
    return new AccessDeniedException(shown == null ? null : shown.toString(), null, reason);
  }

  private static Path lexical(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private static boolean isUnder(Path lexical, List<Path> roots) {
    for (Path root : roots) {
      if (lexical.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  /** Returns a folder's lexical form and, if it differs and exists, its real form. */
  private static List<Path> forms(Path folder) {
    Path lexical = lexical(folder);
    List<Path> forms = new ArrayList<>(List.of(lexical));
    try {
      Path real = lexical.toRealPath();
      if (!real.equals(lexical)) {
        forms.add(real);
      }
    } catch (IOException | SecurityException missing) {
      // A folder that does not exist yet has no other form.
    }
    return forms;
  }
}
