package dev.awskit.grader.worker;

import dev.awskit.grader.engine.ScratchSpace;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Puts the worker's class path where a confined worker can read it, without the hidden tests: a
 * grader that runs as root often finds its libraries in root's home ({@code /root/.m2}), which no
 * other uid may enter, and no file a worker can read may hold a hidden test (see {@link
 * HiddenClasses}). Each library jar is hard-linked (or copied, across file systems), and the
 * grader's own jar copied without the question packages, into a folder of the grader's that
 * everyone may read and only the grader may write; a class folder (a build's own output) becomes a
 * jar there, without them too, so that a class-data archive can hold its classes. The hidden
 * tests' classes are written beside them, readable by the grader alone.
 *
 * <p>A class path is staged once per machine, in the grader's {@link StageCache}, and reused by
 * later graders after a check; without a cache it is staged in a temporary folder, once per
 * runner.
 */
final class ClassPathStage {

  /** Names the file of the hidden tests' classes, as the input line a worker gets. */
  private static final String HIDDEN_CLASSES = "hidden-classes";

  /** Names the role of the workers' class-data archive in the manifest. */
  private static final String ARCHIVE = "archive";

  private final Optional<StageCache> cache;
  private final Path temporaryFolder;
  private Staged staged;

  /**
   * Holds a stage in use.
   *
   * @param folder where it is
   * @param classPath the staged class-path entries, in order
   * @param hiddenClassesLine the input line that hands a worker the hidden tests' classes
   * @param kept whether it stays in the cache after the runner (a temporary one is deleted)
   * @param archive the workers' class-data archive, once one is made
   */
  record Staged(
      Path folder,
      List<String> classPath,
      String hiddenClassesLine,
      boolean kept,
      Optional<Path> archive) {

    /** Copies the class path. */
    Staged {
      classPath = List.copyOf(classPath);
    }
  }

  /**
   * Creates a stage kept in {@code cache} where the class path allows it, and made in {@code
   * temporaryFolder} (which must not exist yet) otherwise.
   */
  ClassPathStage(Optional<StageCache> cache, Path temporaryFolder) {
    this.cache = cache;
    this.temporaryFolder = temporaryFolder;
  }

  /**
   * Returns the stage of {@code entries}, finding or making it on the first call; a kept stage
   * without an archive is looked at again, in case another grader made one since.
   */
  synchronized Staged of(List<String> entries) {
    if (staged != null && staged.kept() && staged.archive().isEmpty()) {
      staged = refreshed(staged);
    }
    if (staged == null) {
      try {
        staged = make(entries);
      } catch (IOException unwritable) {
        throw new UncheckedIOException("Cannot stage the worker's class path", unwritable);
      }
    }
    return staged;
  }

  private Staged refreshed(Staged old) {
    String key = old.folder().getFileName().toString().substring("stage-".length());
    return cache
        .flatMap(kept -> kept.find(key))
        .flatMap(manifest -> manifest.privateFile(ARCHIVE))
        .map(archive -> withArchive(old, old.folder().resolve(archive.name())))
        .orElse(old);
  }

  private static Staged withArchive(Staged old, Path archive) {
    return new Staged(
        old.folder(), old.classPath(), old.hiddenClassesLine(), old.kept(), Optional.of(archive));
  }

  /**
   * Puts the class-data archive {@code dumped} into this runner's kept stage and records it in the
   * manifest, in place of any older one.
   *
   * @return the archive in the stage
   */
  synchronized Path addArchive(Path dumped) throws IOException {
    if (staged == null || !staged.kept()) {
      throw new IllegalStateException("Only a kept stage holds a class-data archive");
    }
    Path folder = staged.folder();
    String name = dumped.getFileName().toString();
    Files.move(dumped, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    StageManifest manifest =
        StageManifest.readFrom(folder)
            .orElseThrow(() -> new IOException("The stage in " + folder + " lost its manifest"));
    manifest.with(StageManifest.Entry.written(ARCHIVE, folder, name)).writeTo(folder);
    staged = withArchive(staged, folder.resolve(name));
    return folder.resolve(name);
  }

  private Staged make(List<String> entries) throws IOException {
    Optional<String> key = cache.isPresent() ? StageCache.key(entries) : Optional.empty();
    if (key.isEmpty()) {
      Files.createDirectories(temporaryFolder);
      return staged(temporaryFolder, build(temporaryFolder, entries), false);
    }
    StageCache kept = cache.get();
    Optional<StageManifest> found = kept.find(key.get());
    if (found.isEmpty()) {
      Path built = kept.newBuildFolder();
      try {
        build(built, entries).writeTo(built);
      } catch (IOException | RuntimeException failed) {
        ScratchSpace.delete(built);
        throw failed;
      }
      kept.publish(key.get(), built);
      found = kept.find(key.get());
    }
    StageManifest manifest =
        found.orElseThrow(() -> new IOException("The stage just made failed its check"));
    return staged(kept.folder(key.get()), manifest, true);
  }

  private static Staged staged(Path folder, StageManifest manifest, boolean kept)
      throws IOException {
    List<String> classPath =
        manifest.entries().stream().map(entry -> folder.resolve(entry.name()).toString()).toList();
    String line = Files.readString(folder.resolve(HIDDEN_CLASSES), StandardCharsets.UTF_8);
    Optional<Path> archive =
        manifest.privateFile(ARCHIVE).map(file -> folder.resolve(file.name()));
    return new Staged(folder, classPath, line, kept, archive);
  }

  /** Stages {@code entries} in {@code folder} and returns what it holds. */
  private static StageManifest build(Path folder, List<String> entries) throws IOException {
    List<String> names = new ArrayList<>();
    List<Optional<Path>> links = new ArrayList<>();
    List<String> holdingHidden = new ArrayList<>();
    for (int index = 0; index < entries.size(); index++) {
      Path entry = Path.of(entries.get(index));
      boolean classFolder = Files.isDirectory(entry);
      String name = index + "-" + entry.getFileName() + (classFolder ? ".jar" : "");
      Path copy = folder.resolve(name);
      Optional<Path> linkedTo = Optional.empty();
      if (classFolder) {
        // A jar, not a copied folder: the JVM archives no class it finds in a folder.
        Sandbox.jarTree(entry, copy, HiddenClasses::isHidden);
        holdingHidden.add(entries.get(index));
      } else if (holdsHiddenClasses(entry)) {
        copyJarWithoutHiddenClasses(entry, copy);
        holdingHidden.add(entries.get(index));
      } else if (Files.exists(entry)) {
        linkedTo = linkOrCopy(entry, copy);
      } else {
        continue;
      }
      names.add(name);
      links.add(linkedTo);
    }
    openToAll(folder);
    Path hidden = folder.resolve(HIDDEN_CLASSES);
    Files.createFile(
        hidden, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        hidden, HiddenClasses.line(HiddenClasses.read(holdingHidden)), StandardCharsets.UTF_8);
    // Stamps last: a permission change moves a file's change time.
    List<StageManifest.Entry> staged = new ArrayList<>();
    for (int index = 0; index < names.size(); index++) {
      String name = names.get(index);
      staged.add(
          links.get(index).isPresent()
              ? StageManifest.Entry.link("entry", name, links.get(index).get())
              : StageManifest.Entry.written("entry", folder, name));
    }
    return new StageManifest(
        staged, List.of(StageManifest.Entry.written(HIDDEN_CLASSES, folder, HIDDEN_CLASSES)));
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

  /**
   * Links a jar that everyone may read already, and copies any other; returns the jar when it
   * linked it.
   */
  private static Optional<Path> linkOrCopy(Path jar, Path copy) throws IOException {
    boolean readableByAll =
        Files.getPosixFilePermissions(jar).contains(PosixFilePermission.OTHERS_READ);
    if (readableByAll) {
      try {
        Files.createLink(copy, jar);
        return Optional.of(jar.toAbsolutePath().normalize());
      } catch (FileAlreadyExistsException | UnsupportedOperationException otherFileSystem) {
        // Copied below.
      } catch (IOException otherFileSystem) {
        // Copied below.
      }
    }
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    return Optional.empty();
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

  /**
   * Returns {@code command} with the value of its {@code -cp} replaced by the staged class path,
   * and the stage's class-data archive named before it when there is one.
   */
  static List<String> withClassPath(List<String> command, Staged staged) {
    List<String> changed = new ArrayList<>(command);
    int at = changed.indexOf("-cp");
    if (at >= 0 && at + 1 < changed.size()) {
      changed.set(at + 1, String.join(java.io.File.pathSeparator, staged.classPath()));
      staged.archive().ifPresent(archive -> changed.add(at, "-XX:SharedArchiveFile=" + archive));
    }
    return changed;
  }

  /** Forgets the stage and deletes it unless it is kept; the next {@link #of} finds it again. */
  synchronized void delete() {
    if (staged == null || !staged.kept()) {
      ScratchSpace.delete(temporaryFolder);
    }
    staged = null;
  }
}
