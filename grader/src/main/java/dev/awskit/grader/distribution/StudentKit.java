package dev.awskit.grader.distribution;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Exports the student starter kit of the repository as a zip.
 *
 * <p>The zip holds one folder, named after the zip file, with: the {@code exercises} module
 * (contracts, stubs, public tests, its pom), {@code docs/handout.md} and {@code
 * docs/grading-policy.md} when it exists, the Maven Wrapper ({@code mvnw}, {@code mvnw.cmd}, {@code
 * .mvn/}), a root {@code pom.xml} derived from the repository's (see {@link StudentPom}), a {@code
 * .gitignore} and a {@code README.md} for students. Build output and IDE files are left out. It
 * holds no solution, no hidden test and nothing of the grader: the export refuses to write a kit in
 * which any file names one of their packages.
 *
 * <p>{@code mvnw} is stored with its executable bit, so {@code ./mvnw} works after {@code unzip};
 * the README also gives {@code sh mvnw} for tools that drop the bit.
 */
public final class StudentKit {

  /** Names the zip file an instructor gets when the command line is given no name. */
  public static final String DEFAULT_FILE_NAME = "awskit-student-kit.zip";

  /**
   * Names where the command line writes the kit when given no name: under the build's {@code
   * target/}, which git ignores, so an export leaves nothing untracked in the repository.
   */
  public static final String DEFAULT_OUTPUT = "target/" + DEFAULT_FILE_NAME;

  /** Names the only module the kit ships. */
  static final String EXERCISES = "exercises";

  /**
   * Lists text that must never appear in the kit, in a file's name or content: the packages of the
   * reference solution and of the grader (hidden tests included).
   */
  static final List<String> FORBIDDEN =
      List.of(
          "dev.awskit.solutions", "dev/awskit/solutions", "dev.awskit.grader", "dev/awskit/grader");

  private static final Set<String> OPTIONAL_DOCS = Set.of("docs/grading-policy.md");
  private static final List<String> REQUIRED_FILES =
      List.of(
          "pom.xml",
          "exercises/pom.xml",
          "mvnw",
          "mvnw.cmd",
          ".mvn/wrapper/maven-wrapper.properties",
          "docs/handout.md");

  private StudentKit() {}

  /**
   * Exports the student kit of the repository at {@code repositoryRoot} to {@code zipFile}.
   *
   * @param repositoryRoot the root of the kit's repository (the folder that holds {@code mvnw})
   * @param zipFile the zip to write; an existing file is replaced, missing folders are made
   * @return the zip and the names of its files
   * @throws DistributionException if the root is not the kit's repository, or the kit would hold a
   *     file that names the solution's or the grader's packages
   * @throws IOException if a file cannot be read or the zip cannot be written
   */
  public static WrittenArchive export(Path repositoryRoot, Path zipFile) throws IOException {
    Path root = repositoryRoot.toAbsolutePath().normalize();
    for (String required : REQUIRED_FILES) {
      if (!Files.isRegularFile(root.resolve(required))) {
        throw new DistributionException(
            root + " is not the kit's repository: " + required + " is missing");
      }
    }
    Path zip = zipFile.toAbsolutePath().normalize();
    if (zip.startsWith(root.resolve(EXERCISES)) || zip.startsWith(root.resolve(".mvn"))) {
      throw new DistributionException("Write the kit outside the folders it copies, not to " + zip);
    }

    Map<String, Source> contents = contents(root);
    refuseLeaks(contents);

    String folder = folderName(zip);
    try (ZipArchiveWriter writer = ZipArchiveWriter.create(zip)) {
      for (Map.Entry<String, Source> entry : contents.entrySet()) {
        Source source = entry.getValue();
        writer.addBytes(folder + "/" + entry.getKey(), source.content(), source.executable());
      }
      return writer.complete();
    }
  }

  /** Returns what the kit holds, by relative name, sorted. */
  private static Map<String, Source> contents(Path root) throws IOException {
    Map<String, Source> contents = new TreeMap<>();
    contents.put("pom.xml", new Source(studentPom(root), false));
    contents.put(
        "README.md",
        new Source(
            Templates.read("student-kit/README.md").getBytes(StandardCharsets.UTF_8), false));
    contents.put(
        ".gitignore",
        new Source(
            Templates.read("student-kit/gitignore").getBytes(StandardCharsets.UTF_8), false));
    for (String file : List.of("mvnw", "mvnw.cmd", "docs/handout.md")) {
      contents.put(file, copy(root.resolve(file)));
    }
    for (String file : OPTIONAL_DOCS) {
      if (Files.isRegularFile(root.resolve(file))) {
        contents.put(file, copy(root.resolve(file)));
      }
    }
    for (String folder : List.of(".mvn", EXERCISES)) {
      for (Path file : filesUnder(root.resolve(folder))) {
        contents.put(root.relativize(file).toString().replace('\\', '/'), copy(file));
      }
    }
    return contents;
  }

  /** Derives the student pom; the artifacts of every module but the exercises are left out. */
  private static byte[] studentPom(Path root) throws IOException {
    byte[] rootPom = Files.readAllBytes(root.resolve("pom.xml"));
    Set<String> removed = new LinkedHashSet<>();
    for (String module : StudentPom.modules(rootPom)) {
      Path modulePom = root.resolve(module).resolve("pom.xml");
      if (!module.equals(EXERCISES) && Files.isRegularFile(modulePom)) {
        removed.add(StudentPom.artifactId(Files.readAllBytes(modulePom)));
      }
    }
    return StudentPom.derive(rootPom, Set.of(EXERCISES), removed);
  }

  /** Lists the files under {@code folder}, leaving out build output and IDE or OS files. */
  private static List<Path> filesUnder(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        if (!leftOut(folder.relativize(file))) {
          files.add(file);
        }
      }
    }
    return files;
  }

  private static boolean leftOut(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      boolean hidden = name.startsWith(".") && !name.equals(".gitkeep");
      if (name.equals("target") || hidden) {
        return true;
      }
    }
    String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".iml") || name.endsWith(".class") || name.endsWith("~");
  }

  private static void refuseLeaks(Map<String, Source> contents) throws DistributionException {
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, Source> entry : contents.entrySet()) {
      String text = textOf(entry.getValue().content());
      for (String forbidden : FORBIDDEN) {
        if (entry.getKey().contains(forbidden) || (text != null && text.contains(forbidden))) {
          leaks.add(entry.getKey() + " names " + forbidden);
        }
      }
      if (text == null && entry.getKey().startsWith(EXERCISES + "/")) {
        leaks.add(entry.getKey() + " is not a text file");
      }
    }
    if (!leaks.isEmpty()) {
      throw new DistributionException(
          "The student kit would give away instructor material, so it was not written:\n  "
              + String.join("\n  ", leaks));
    }
  }

  /** Returns the content as UTF-8 text, or null when it is not text. */
  private static String textOf(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException binary) {
      return null;
    }
  }

  private static Source copy(Path file) throws IOException {
    return new Source(Files.readAllBytes(file), executable(file));
  }

  private static boolean executable(Path file) throws IOException {
    if (file.getFileName().toString().equals("mvnw")) {
      return true;
    }
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    return posix != null
        && posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
  }

  private static String folderName(Path zip) {
    String name = zip.getFileName().toString();
    String folder =
        name.toLowerCase(Locale.ROOT).endsWith(".zip")
            ? name.substring(0, name.length() - 4)
            : name;
    return folder.isBlank() ? "awskit-student-kit" : folder;
  }

  /** Holds one file of the kit: its bytes and whether it is executable. */
  private record Source(byte[] content, boolean executable) {}
}
