package dev.awskit.grader.worker;

import dev.awskit.grader.engine.ScratchOwner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Names the folders of one worker JVM, all under one root that the grader empties between two
 * submissions and deletes when the worker ends: {@code work} (its working folder), {@code tmp}
 * ({@code java.io.tmpdir} and {@code TMPDIR}), {@code home} ({@code user.home} and {@code HOME},
 * with no AWS configuration in it) and {@code classes}, where an operating-system sandbox finds the
 * submission's compiled classes, copied there by the grader and read-only to the worker. The
 * working folder sits one level down, so that a relative path that climbs one folder up ({@code
 * ../x}) still lands inside the root.
 *
 * @param root the folder that holds the others
 * @param work the working folder
 * @param tmp the temporary folder
 * @param home the home folder
 * @param classes the folder of the submission's classes, for workers that cannot see the grader's
 */
record Sandbox(Path root, Path work, Path tmp, Path home, Path classes) {

  /** Names the prefix of every worker sandbox in the system's temporary folder. */
  static final String PREFIX = "awskit-worker-";

  /** Creates a new sandbox in the grader's temporary folder. */
  static Sandbox create() {
    try {
      Path root = Files.createTempDirectory(ScratchOwner.prefix(PREFIX));
      return new Sandbox(
          root,
          Files.createDirectory(root.resolve("work")),
          Files.createDirectory(root.resolve("tmp")),
          Files.createDirectory(root.resolve("home")),
          Files.createDirectory(root.resolve("classes")));
    } catch (IOException unwritable) {
      throw new UncheckedIOException("Cannot create a sandbox for a worker JVM", unwritable);
    }
  }

  /** Returns the folders the code under grading writes in. */
  List<Path> writable() {
    return List.of(work, tmp, home);
  }

  /**
   * Copies the submission's class roots (folders or jars) into {@link #classes}, one numbered jar
   * each, replacing what an earlier submission left there, and returns the copies' paths.
   *
   * <p>A folder becomes a jar of its files: one file to write and delete per submission instead
   * of one per class and package, which on some file systems costs more the more files were
   * deleted shortly before (docs/performance/where-the-time-goes-2026-12-05-early.md, "Files a
   * batch writes").
   */
  List<String> receiveClasses(List<String> classRoots) {
    try {
      deleteBelow(classes, List.of(classes));
      List<String> copies = new ArrayList<>();
      for (int index = 0; index < classRoots.size(); index++) {
        Path source = Path.of(classRoots.get(index));
        Path copy = classes.resolve(index + ".jar");
        if (Files.isDirectory(source)) {
          jarTree(source, copy);
        } else {
          Files.copy(source, copy);
        }
        copies.add(copy.toString());
      }
      return copies;
    } catch (IOException unwritable) {
      throw new UncheckedIOException("Cannot copy the submission's classes to a worker", unwritable);
    }
  }

  /** Writes the files under the folder {@code source} into the new jar {@code target}, stored. */
  static void jarTree(Path source, Path target) throws IOException {
    jarTree(source, target, relative -> false);
  }

  /**
   * Writes the files under the folder {@code source} into the new jar {@code target}, stored,
   * leaving out those whose path relative to it (with {@code /}) {@code skipped} accepts.
   */
  static void jarTree(Path source, Path target, Predicate<String> skipped) throws IOException {
    // Buffered: ZipOutputStream writes its headers a byte at a time, which was a system call each,
    // about 1,200 for the fifteen classes of one submission.
    try (Stream<Path> walk = Files.walk(source);
        ZipOutputStream jar =
            new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
      for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = source.relativize(path).toString().replace('\\', '/');
        if (skipped.test(relative)) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(path);
        CRC32 checksum = new CRC32();
        checksum.update(bytes);
        ZipEntry entry = new ZipEntry(relative);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCrc(checksum.getValue());
        jar.putNextEntry(entry);
        jar.write(bytes);
        jar.closeEntry();
      }
    }
  }

  /**
   * Deletes everything inside the working, temporary, home and classes folders and whatever else
   * sits in the root, keeping the folders; returns false if anything is left.
   */
  boolean clear() {
    try {
      deleteBelow(root, List.of(root, work, tmp, home, classes));
      return true;
    } catch (IOException | UncheckedIOException undeletable) {
      return false;
    }
  }

  /**
   * Deletes the sandbox with everything in it, as far as it can: what is left holds only what the
   * submission wrote, and affects no grade.
   */
  void delete() {
    try {
      deleteBelow(root, List.of());
    } catch (IOException | UncheckedIOException undeletable) {
      // Left for the system's temporary-folder clean-up; it affects no grade.
    }
  }

  private static void deleteBelow(Path folder, List<Path> kept) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!kept.contains(path)) {
          Files.delete(path);
        }
      }
    }
  }
}
