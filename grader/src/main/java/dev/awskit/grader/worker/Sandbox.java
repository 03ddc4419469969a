package dev.awskit.grader.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names the folders of one worker JVM, all under one root that the grader empties between two
 * submissions and deletes when the worker ends: {@code work} (its working folder), {@code tmp} ({@code java.io.tmpdir} and {@code TMPDIR})
 * and {@code home} ({@code user.home} and {@code HOME}, with no AWS configuration in it). The
 * working folder sits one level down, so that a relative path that climbs one folder up ({@code
 * ../x}) still lands inside the root.
 *
 * @param root the folder that holds the others
 * @param work the working folder
 * @param tmp the temporary folder
 * @param home the home folder
 */
record Sandbox(Path root, Path work, Path tmp, Path home) {

  /** Names the prefix of every worker sandbox in the system's temporary folder. */
  static final String PREFIX = "awskit-worker-";

  /** Creates a new sandbox in the grader's temporary folder. */
  static Sandbox create() {
    try {
      Path root = Files.createTempDirectory(PREFIX);
      return new Sandbox(
          root,
          Files.createDirectory(root.resolve("work")),
          Files.createDirectory(root.resolve("tmp")),
          Files.createDirectory(root.resolve("home")));
    } catch (IOException unwritable) {
      throw new UncheckedIOException("Cannot create a sandbox for a worker JVM", unwritable);
    }
  }

  /**
   * Deletes everything inside the working, temporary and home folders and whatever else sits in
   * the root, keeping the three folders; returns false if anything is left.
   */
  boolean clear() {
    return deleteAllBut(List.of(root, work, tmp, home));
  }

  /**
   * Deletes the sandbox with everything in it, as far as it can: what is left holds only what the
   * submission wrote, and affects no grade.
   */
  void delete() {
    deleteAllBut(List.of());
  }

  private boolean deleteAllBut(List<Path> kept) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!kept.contains(path)) {
          Files.delete(path);
        }
      }
      return true;
    } catch (IOException | UncheckedIOException undeletable) {
      return false;
    }
  }
}
