package dev.awskit.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipIntakeTest {

  @TempDir Path temp;
  private Path sandboxes;
  private SubmissionIntake intake;

  @BeforeEach
  void setUp() {
    sandboxes = temp.resolve("sandboxes");
    intake = new SubmissionIntake(sandboxes);
  }

  @Test
  @DisplayName("a zip of nested folders keeps its layout and leaves out build, VCS and macOS folders")
  void nestedFolders() throws IOException {
    // given
    Path zip =
        TestZips.zip()
            .entry("alice/", new byte[0])
            .entry("alice/src/main/java/dev/q04/S3ObjectTransfer.java", "class S3ObjectTransfer {}")
            .entry("alice/src/main/java/dev/q06/DynamoDbManager.java", "class DynamoDbManager {}")
            .entry("alice/target/generated-sources/Gen.java", "class Gen {}")
            .entry("alice/.git/hooks/Hook.java", "class Hook {}")
            .entry("__MACOSX/alice/._S3ObjectTransfer.java", new byte[] {0, 5, 22, 7})
            .entry("alice/src/main/java/dev/q04/._Hidden.java", "class Hidden {}")
            .entry("alice/README.md", "# notes")
            .entry("alice/lib/inner.zip", new byte[] {'P', 'K', 3, 4})
            .writeTo(temp.resolve("alice.zip"));

    // when
    IntakeResult result = intake.receive(zip);

    // then
    IntakeResult.Accepted accepted = accepted(result);
    assertThat(accepted.sandbox()).startsWith(sandboxes);
    assertThat(accepted.sources())
        .containsExactly(
            accepted.sourceRoot().resolve("alice/src/main/java/dev/q04/S3ObjectTransfer.java"),
            accepted.sourceRoot().resolve("alice/src/main/java/dev/q06/DynamoDbManager.java"));
    assertThat(Files.readString(accepted.sources().get(0))).isEqualTo("class S3ObjectTransfer {}");
    assertThat(String.join("\n", accepted.warnings()))
        .contains("alice/target/ (build output)")
        .contains("alice/.git/ (a hidden folder)")
        .contains("__MACOSX/ (macOS metadata)")
        .contains("alice/lib/inner.zip")
        .contains("2 file(s) that are not Java sources");
    assertThat(filesUnder(accepted.sandbox())).allMatch(file -> file.toString().endsWith(".java"));
  }

  @Test
  @DisplayName("an entry that climbs out with .. (zip-slip) refuses the archive and writes nothing")
  void zipSlip() {
    // given
    Path zip =
        TestZips.zip()
            .entry("src/Good.java", "class Good {}")
            .entry("src/../../../Evil.java", "class Evil {}")
            .writeTo(temp.resolve("slip.zip"));

    // when
    IntakeResult result = intake.receive(zip);

    // then
    assertThat(refusal(result)).contains("points outside its folder").contains("Evil.java");
    assertThat(filesUnder(temp)).noneMatch(file -> file.endsWith("Evil.java"));
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("an entry with backslashes that climbs out (a Windows zip-slip) is refused")
  void zipSlipWithBackslashes() {
    // given
    Path zip = TestZips.zip().entry("..\\..\\Evil.java", "class Evil {}").writeTo(temp.resolve("w.zip"));

    // when / then
    assertThat(refusal(intake.receive(zip))).contains("points outside its folder");
  }

  @Test
  @DisplayName("an entry with an absolute path is refused")
  void absolutePath() {
    // given
    Path target = temp.resolve("abs/Evil.java");
    Path zip =
        TestZips.zip()
            .entry("Good.java", "class Good {}")
            .entry(target.toString(), "class Evil {}")
            .writeTo(temp.resolve("abs.zip"));

    // when
    IntakeResult result = intake.receive(zip);

    // then
    assertThat(refusal(result)).contains("absolute path");
    assertThat(target).doesNotExist();
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("an entry with a drive letter is refused as an absolute path")
  void driveLetter() {
    // given
    Path zip = TestZips.zip().entry("C:/Windows/Evil.java", "class Evil {}").writeTo(temp.resolve("c.zip"));

    // when / then
    assertThat(refusal(intake.receive(zip))).contains("absolute path");
  }

  @Test
  @DisplayName("an entry marked as a unix symbolic link is refused")
  void symlinkEntry() {
    // given
    Path zip = TestZips.withSymlink(temp.resolve("link.zip"), "src/Secret.java", "/etc/passwd", "src/A.java");

    // when
    IntakeResult result = intake.receive(zip);

    // then
    assertThat(refusal(result)).contains("link").contains("src/Secret.java");
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("one highly compressible entry past 1 MiB is refused after reading at most 1 MiB")
  void zipBombOneEntry() throws IOException {
    // given: 30 MiB of spaces deflate to a few tens of KiB
    Path zip =
        TestZips.zip()
            .entry("Bomb.java", TestZips.compressibleSource(30 * 1024 * 1024))
            .writeTo(temp.resolve("bomb.zip"));
    assertThat(Files.size(zip)).isLessThan(1024 * 1024);

    // when
    IntakeResult result = intake.receive(zip);

    // then
    assertThat(refusal(result)).contains("Bomb.java is larger than 1 MiB");
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("sources that add up past the total bound are refused, even if each one is small")
  void zipBombManySmallEntries() {
    // given: limits scaled down so the test stays fast; the logic is the same as the defaults
    SubmissionIntake small =
        new SubmissionIntake(
            sandboxes,
            new IntakeLimits(1024 * 1024, 2_000, 256 * 1024, 64 * 1024, 400),
            UndecodableSource.DECODE_AS_WINDOWS_1252);
    TestZips zip = TestZips.zip();
    for (int i = 0; i < 10; i++) {
      zip.entry("src/Part" + i + ".java", TestZips.compressibleSource(60 * 1024));
    }

    // when
    IntakeResult result = small.receive(zip.writeTo(temp.resolve("parts.zip")));

    // then
    assertThat(refusal(result)).contains("add up to more than 256 KiB");
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("a bomb whose headers declare tiny sizes is caught by counting inflated bytes")
  void zipBombLyingHeaders() {
    // given
    Path zip =
        TestZips.zip()
            .entry("Liar.java", TestZips.compressibleSource(3 * 1024 * 1024))
            .writeTo(temp.resolve("liar.zip"));
    TestZips.lieAboutSizes(zip, 100);

    // when
    IntakeResult result = intake.receive(zip);

    // then: Commons Compress inflates past the declared 100 bytes; our own count stops it
    assertThat(refusal(result)).contains("Liar.java is larger than 1 MiB");
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("an archive with more entries than the bound is refused before anything is inflated")
  void tooManyEntries() {
    // given
    TestZips zip = TestZips.zip();
    for (int i = 0; i <= 2_000; i++) {
      zip.entry("src/C" + i + ".java", "class C" + i + " {}");
    }

    // when
    IntakeResult result = intake.receive(zip.writeTo(temp.resolve("many.zip")));

    // then
    assertThat(refusal(result)).contains("more than 2000 files and folders");
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("an archive file larger than the bound is refused without being opened")
  void archiveTooLarge() {
    // given
    SubmissionIntake small =
        new SubmissionIntake(
            sandboxes,
            new IntakeLimits(1024, 2_000, 256 * 1024, 64 * 1024, 400),
            UndecodableSource.DECODE_AS_WINDOWS_1252);
    TestZips zip = TestZips.zip();
    for (int i = 0; i < 20; i++) {
      zip.entry("src/C" + i + ".java", "class C" + i + " {}");
    }

    // when / then
    assertThat(refusal(small.receive(zip.writeTo(temp.resolve("big.zip")))))
        .contains("archive is larger than 1 KiB");
  }

  @Test
  @DisplayName("a nested zip is left out, never expanded")
  void nestedZip() {
    // given
    Path inner = TestZips.zip().entry("Inner.java", "class Inner {}").writeTo(temp.resolve("inner.zip"));
    byte[] innerBytes = readAll(inner);
    Path zip =
        TestZips.zip()
            .entry("Outer.java", "class Outer {}")
            .entry("more/inner.zip", innerBytes)
            .writeTo(temp.resolve("outer.zip"));

    // when
    IntakeResult.Accepted accepted = accepted(intake.receive(zip));

    // then
    assertThat(accepted.sources()).extracting(p -> p.getFileName().toString()).containsExactly("Outer.java");
    assertThat(accepted.warnings()).anyMatch(w -> w.contains("not expanded") && w.contains("more/inner.zip"));
  }

  @Test
  @DisplayName("an entry name that appears twice is refused instead of overwriting")
  void duplicateEntry() {
    // given
    Path zip = TestZips.withDuplicate(temp.resolve("dup.zip"), "src/A.java");

    // when / then
    assertThat(refusal(intake.receive(zip))).contains("two entries for the path src/A.java");
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("a damaged (cut short) zip is refused with a message, not an exception")
  void corruptZip() throws IOException {
    // given
    Path good = TestZips.zip().entry("A.java", "class A { /* " + "x".repeat(5000) + " */ }").writeTo(temp.resolve("good.zip"));
    byte[] bytes = Files.readAllBytes(good);
    Path cut = Files.write(temp.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    // when / then
    assertThat(refusal(intake.receive(cut))).contains("not a readable zip archive");
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("a .zip file that is not a zip at all is refused")
  void notAZipAtAll() throws IOException {
    // given
    Path fake = Files.writeString(temp.resolve("homework.zip"), "this is not an archive");

    // when / then
    assertThat(refusal(intake.receive(fake))).contains("homework.zip is not a readable zip archive");
  }

  @Test
  @DisplayName("a zip whose only sources are in skipped folders is refused as having no source")
  void onlySkippedSources() {
    // given
    Path zip = TestZips.zip().entry("target/classes/A.java", "class A {}").entry("notes.txt", "hi").writeTo(temp.resolve("t.zip"));

    // when / then
    assertThat(refusal(intake.receive(zip)))
        .contains("no Java source")
        .contains("target/ (build output)");
    assertNoSandboxLeft();
  }

  @Test
  @DisplayName("an empty zip is refused as having no source")
  void emptyZip() {
    // given
    Path zip = TestZips.zip().writeTo(temp.resolve("empty.zip"));

    // when / then
    assertThat(refusal(intake.receive(zip))).contains("no Java source");
  }

  @Test
  @DisplayName("a Latin-1 source inside a zip is converted to UTF-8 with a warning")
  void latin1InZip() throws IOException {
    // given
    Path zip =
        TestZips.zip()
            .entry("q/Caf\u00e9.java", "// caf\u00e9\nclass Cafe {}\n".getBytes(StandardCharsets.ISO_8859_1))
            .writeTo(temp.resolve("latin.zip"));

    // when
    IntakeResult.Accepted accepted = accepted(intake.receive(zip));

    // then
    assertThat(Files.readString(accepted.sources().get(0), StandardCharsets.UTF_8))
        .isEqualTo("// caf\u00e9\nclass Cafe {}\n");
    assertThat(accepted.warnings()).anyMatch(w -> w.contains("not valid UTF-8") && w.contains("line 1"));
  }

  private static IntakeResult.Accepted accepted(IntakeResult result) {
    assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
    return (IntakeResult.Accepted) result;
  }

  private static String refusal(IntakeResult result) {
    assertThat(result).isInstanceOf(IntakeResult.Refused.class);
    return ((IntakeResult.Refused) result).reason();
  }

  private void assertNoSandboxLeft() {
    assertThat(childrenOf(sandboxes)).as("a refused submission leaves nothing behind").isEmpty();
  }

  static java.util.List<Path> filesUnder(Path folder) {
    if (!Files.exists(folder)) {
      return java.util.List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static java.util.List<Path> childrenOf(Path folder) {
    if (!Files.exists(folder)) {
      return java.util.List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
