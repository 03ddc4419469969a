package dev.awskit.grader.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists what a kept stage holds, so that a later grader can check every file before it uses one:
 * the class-path entries in order, each a hard link to a jar (checked to be that jar still) or a
 * file the grader wrote (checked by its {@link FileStamp}), and the grader's private files beside
 * them (the hidden tests' classes, the class-data archive).
 *
 * @param entries the class-path entries, in order
 * @param privateFiles the other files, by role
 */
record StageManifest(List<Entry> entries, List<Entry> privateFiles) {

  /** Names the manifest's file in a stage folder. */
  static final String FILE = "manifest.tsv";

  /**
   * Holds one file of a stage.
   *
   * @param role {@code entry} for the class path, or the role of a private file
   * @param name the file's name in the stage folder
   * @param linkedTo the jar it is a hard link to, or empty for a file the grader wrote
   * @param stamp the stamp the written file had when it was finished, or empty for a link
   */
  record Entry(String role, String name, Optional<Path> linkedTo, Optional<FileStamp> stamp) {

    /** Returns a hard link of {@code name} to {@code jar}. */
    static Entry link(String role, String name, Path jar) {
      return new Entry(role, name, Optional.of(jar), Optional.empty());
    }

    /** Returns a written file {@code name} of {@code folder}, stamped as it is now. */
    static Entry written(String role, Path folder, String name) {
      FileStamp stamp =
          FileStamp.of(folder.resolve(name))
              .orElseThrow(() -> new IllegalStateException("No file " + name + " in " + folder));
      return new Entry(role, name, Optional.empty(), Optional.of(stamp));
    }

    /** Tells whether the file is still what it was when the stage was made. */
    boolean unchangedIn(Path folder) {
      Path file = folder.resolve(name);
      if (linkedTo.isPresent()) {
        try {
          return !Files.isSymbolicLink(file) && Files.isSameFile(file, linkedTo.get());
        } catch (IOException missing) {
          return false;
        }
      }
      return stamp.isPresent() && FileStamp.of(file).equals(stamp);
    }

    private String line() {
      return String.join(
          "\t",
          role,
          name,
          linkedTo.map(jar -> "link\t" + jar).orElseGet(() -> "file\t" + stamp.orElseThrow().field()));
    }

    private static Optional<Entry> parse(String line) {
      String[] fields = line.split("\t", -1);
      if (fields.length != 4 || fields[1].contains("/") || fields[1].startsWith(".")) {
        return Optional.empty();
      }
      return switch (fields[2]) {
        case "link" -> Optional.of(link(fields[0], fields[1], Path.of(fields[3])));
        case "file" ->
            FileStamp.parse(fields[3])
                .map(stamp -> new Entry(fields[0], fields[1], Optional.empty(), Optional.of(stamp)));
        default -> Optional.empty();
      };
    }
  }

  /** Copies the lists. */
  StageManifest {
    entries = List.copyOf(entries);
    privateFiles = List.copyOf(privateFiles);
  }

  /** Returns the private file of {@code role}, if the stage has one. */
  Optional<Entry> privateFile(String role) {
    return privateFiles.stream().filter(file -> file.role().equals(role)).findFirst();
  }

  /** Returns this manifest with {@code file} added or put in place of the one of its role. */
  StageManifest with(Entry file) {
    List<Entry> files = new ArrayList<>(privateFiles);
    files.removeIf(old -> old.role().equals(file.role()));
    files.add(file);
    return new StageManifest(entries, files);
  }

  /** Tells whether every file the manifest names is unchanged in {@code folder}. */
  boolean unchangedIn(Path folder) {
    return entries.stream().allMatch(entry -> entry.unchangedIn(folder))
        && privateFiles.stream().allMatch(file -> file.unchangedIn(folder));
  }

  /** Writes the manifest into {@code folder}, replacing the one there at once. */
  void writeTo(Path folder) throws IOException {
    List<String> lines = new ArrayList<>();
    entries.forEach(entry -> lines.add(entry.line()));
    privateFiles.forEach(file -> lines.add(file.line()));
    Path written = folder.resolve(FILE + ".new");
    Files.write(written, lines, StandardCharsets.UTF_8);
    Files.move(
        written,
        folder.resolve(FILE),
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Reads the manifest of {@code folder}, or returns empty when it is missing or garbled. */
  static Optional<StageManifest> readFrom(Path folder) {
    List<Entry> entries = new ArrayList<>();
    List<Entry> privateFiles = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(folder.resolve(FILE), StandardCharsets.UTF_8)) {
        Optional<Entry> entry = Entry.parse(line);
        if (entry.isEmpty()) {
          return Optional.empty();
        }
        (entry.get().role().equals("entry") ? entries : privateFiles).add(entry.get());
      }
    } catch (IOException unreadable) {
      return Optional.empty();
    }
    return Optional.of(new StageManifest(entries, privateFiles));
  }
}
