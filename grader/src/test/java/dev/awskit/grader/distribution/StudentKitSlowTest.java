package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the exported student kit holds nothing of the instructor's side; {@link
 * StudentKitCommandsSlowTest} builds it as a student would.
 */
class StudentKitSlowTest {

  /** The packages and folders of the instructor's side, as text and as path segments. */
  private static final List<String> FORBIDDEN_TEXT =
      List.of(
          "dev.awskit.solutions", "dev/awskit/solutions", "dev.awskit.grader", "dev/awskit/grader");

  /** Phrases by which a comment would tell students about the instructor's modules. */
  private static final List<String> INSTRUCTOR_PHRASES =
      List.of(
          "reference solution",
          "solutions module",
          "grader module",
          "solutions and grader",
          "grader's *IT",
          "list --format checks");

  private static final Set<String> FORBIDDEN_FOLDERS =
      Set.of("solutions", "grader", "hidden", "faulty", "variants");

  @TempDir Path temp;

  @Test
  void holdsNothingOfTheSolutionsTheGraderOrItsTestMaterial() throws Exception {
    // given
    Path zip = temp.resolve(StudentKit.DEFAULT_FILE_NAME);
    Map<String, String> instructorFiles = instructorFileDigests(Repository.root());

    // when
    StudentKit.export(Repository.root(), zip);

    // then
    List<String> leaks = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (var entry : Collections.list(file.entries())) {
        String name = entry.getName();
        for (String segment : name.split("/")) {
          if (FORBIDDEN_FOLDERS.contains(segment)) {
            leaks.add(name + " sits in a folder named " + segment);
          }
        }
        if (entry.isDirectory()) {
          continue;
        }
        byte[] content = file.getInputStream(entry).readAllBytes();
        String text = new String(content, StandardCharsets.UTF_8);
        for (String forbidden : FORBIDDEN_TEXT) {
          if (name.contains(forbidden) || text.contains(forbidden)) {
            leaks.add(name + " names " + forbidden);
          }
        }
        boolean studentsDocument = name.endsWith("/README.md") || name.endsWith("/handout.md");
        String lowerCase = text.toLowerCase(Locale.ROOT);
        for (String phrase : INSTRUCTOR_PHRASES) {
          if (!studentsDocument && lowerCase.contains(phrase.toLowerCase(Locale.ROOT))) {
            leaks.add(name + " speaks of the instructor's side: " + phrase);
          }
        }
        String copied = instructorFiles.get(sha256(content));
        if (copied != null) {
          leaks.add(name + " is a copy of " + copied);
        }
      }
    }
    assertThat(leaks).as("instructor material in the student kit").isEmpty();
  }

  /**
   * Returns the SHA-256 of every source file of the solutions and grader modules, by digest, except
   * the student kit's own templates, which the grader keeps to write the kit.
   */
  private static Map<String, String> instructorFileDigests(Path root) throws IOException {
    Map<String, String> digests = new HashMap<>();
    Path templates =
        root.resolve("grader/src/main/resources/dev/awskit/grader/distribution/student-kit");
    for (String folder : List.of("solutions/src", "grader/src")) {
      try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
        for (Path file :
            (Iterable<Path>)
                walk.filter(Files::isRegularFile).filter(file -> !file.startsWith(templates))
                    ::iterator) {
          digests.put(sha256(Files.readAllBytes(file)), root.relativize(file).toString());
        }
      }
    }
    return digests;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
