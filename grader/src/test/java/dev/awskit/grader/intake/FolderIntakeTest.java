package dev.awskit.grader.intake;

import static dev.awskit.grader.intake.ZipIntakeTest.childrenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderIntakeTest {

  @TempDir Path temp;
  private Path sandboxes;
  private Path submission;
  private SubmissionIntake intake;

  @BeforeEach
  void setUp() throws IOException {
    sandboxes = temp.resolve("sandboxes");
    submission = Files.createDirectories(temp.resolve("bob"));
    intake = new SubmissionIntake(sandboxes);
  }

  @Test
  @DisplayName("a folder keeps its layout; build output, hidden folders and other files are left out")
  void nestedFolders() throws IOException {
    // given
    write("src/main/java/dev/q03/S3BucketCreator.java", "class S3BucketCreator {}");
    write("src/main/java/dev/q03/util/Names.java", "class Names {}");
    write("target/generated-sources/Gen.java", "class Gen {}");
    write(".idea/Workspace.java", "class Workspace {}");
    write("pom.xml", "<project/>");
    write("src/main/java/module-info.java", "module bob {}");

    // when
    IntakeResult result = intake.receive(submission);

    // then
    assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
    IntakeResult.Accepted accepted = (IntakeResult.Accepted) result;
    Path root = accepted.sourceRoot();
    assertThat(accepted.sources())
        .containsExactly(
            root.resolve("src/main/java/dev/q03/S3BucketCreator.java"),
            root.resolve("src/main/java/dev/q03/util/Names.java"));
    assertThat(String.join("\n", accepted.warnings()))
        .contains("target/ (build output)")
        .contains(".idea/ (a hidden folder)")
        .contains("module-info.java was left out")
        .contains("1 file(s) that are not Java sources");
  }

  @Test
  @DisplayName("a UTF-8 byte-order mark is dropped and the source stays UTF-8")
  void utf8Bom() throws IOException {
    // given
    byte[] body = "class Bom { String s = \"\u00fc\"; }".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    write("Bom.java", bytes);

    // when
    IntakeResult.Accepted accepted = accepted(intake.receive(submission));

    // then
    assertThat(Files.readAllBytes(accepted.sources().get(0))).isEqualTo(body);
    assertThat(accepted.warnings()).isEmpty();
  }

  @Test
  @DisplayName("UTF-16 sources with a byte-order mark, either byte order, are converted to UTF-8")
  void utf16() throws IOException {
    // given: Java's "UTF-16" encoder writes a big-endian BOM; the little-endian one by hand
    String text = "class Wide { String s = \"\u00e9\u20ac\"; }";
    write("Big.java", text.getBytes(StandardCharsets.UTF_16));
    byte[] little = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[little.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(little, 0, withBom, 2, little.length);
    write("Little.java", withBom);

    // when
    IntakeResult.Accepted accepted = accepted(intake.receive(submission));

    // then
    for (Path source : accepted.sources()) {
      assertThat(Files.readString(source, StandardCharsets.UTF_8)).isEqualTo(text);
    }
    assertThat(accepted.warnings()).hasSize(2).allMatch(w -> w.contains("was saved as UTF-16"));
  }

  @Test
  @DisplayName("a Latin-1 source is read as windows-1252 with a warning that names file and line")
  void latin1() throws IOException {
    // given
    write("q/Menu.java", "class Menu {\n  // cr\u00e8me br\u00fbl\u00e9e\n}\n".getBytes(StandardCharsets.ISO_8859_1));

    // when
    IntakeResult.Accepted accepted = accepted(intake.receive(submission));

    // then
    assertThat(Files.readString(accepted.sources().get(0), StandardCharsets.UTF_8))
        .isEqualTo("class Menu {\n  // cr\u00e8me br\u00fbl\u00e9e\n}\n");
    assertThat(accepted.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).contains("q/Menu.java").contains("line 2").contains("windows-1252"));
  }

  @Test
  @DisplayName("with the REFUSE policy a Latin-1 source refuses the submission, naming file and line")
  void latin1Refused() throws IOException {
    // given
    write("q/Menu.java", "class Menu {\n  // cr\u00e8me\n}\n".getBytes(StandardCharsets.ISO_8859_1));
    SubmissionIntake strict =
        new SubmissionIntake(sandboxes, IntakeLimits.defaults(), UndecodableSource.REFUSE);

    // when
    IntakeResult result = strict.receive(submission);

    // then
    assertThat(result).isInstanceOf(IntakeResult.Refused.class);
    assertThat(((IntakeResult.Refused) result).reason())
        .contains("q/Menu.java is not valid UTF-8")
        .contains("line 2");
    assertThat(childrenOf(sandboxes)).isEmpty();
  }

  @Test
  @DisplayName("an empty folder is refused as having no Java source")
  void emptyFolder() {
    // when
    IntakeResult result = intake.receive(submission);

    // then
    assertThat(refusal(result)).contains("no Java source");
    assertThat(childrenOf(sandboxes)).isEmpty();
  }

  @Test
  @DisplayName("a path that does not exist is refused")
  void missingPath() {
    // when
    IntakeResult result = intake.receive(temp.resolve("nobody"));

    // then
    assertThat(refusal(result)).contains("does not exist");
    assertThat(sandboxes).doesNotExist();
  }

  @Test
  @DisplayName("a single file that is not a zip is refused")
  void plainFile() throws IOException {
    // given
    Path file = Files.writeString(temp.resolve("Solution.java"), "class Solution {}");

    // when / then
    assertThat(refusal(intake.receive(file))).contains("Solution.java is a single file, not a folder or a zip");
  }

  @Test
  @DisplayName("a link to a file outside the folder is refused, never followed")
  void linkToFileOutside() throws IOException {
    // given
    Path secret = Files.writeString(temp.resolve("Secret.java"), "class Secret {}");
    write("A.java", "class A {}");
    Files.createSymbolicLink(submission.resolve("Stolen.java"), secret);

    // when
    IntakeResult result = intake.receive(submission);

    // then
    assertThat(refusal(result)).contains("link").contains("Stolen.java");
    assertThat(childrenOf(sandboxes)).isEmpty();
  }

  @Test
  @DisplayName("a link to a folder outside is refused, never followed")
  void linkToFolderOutside() throws IOException {
    // given
    Path outside = Files.createDirectories(temp.resolve("hidden-tests"));
    Files.writeString(outside.resolve("HiddenTest.java"), "class HiddenTest {}");
    write("A.java", "class A {}");
    Files.createSymbolicLink(submission.resolve("peek"), outside);

    // when / then
    assertThat(refusal(intake.receive(submission))).contains("link").contains("peek");
  }

  @Test
  @DisplayName("a source larger than the bound is refused")
  void sourceTooLarge() throws IOException {
    // given
    write("Huge.java", TestZips.compressibleSource(1024 * 1024 + 1));

    // when / then
    assertThat(refusal(intake.receive(submission))).contains("Huge.java is larger than 1 MiB");
  }

  @Test
  @DisplayName("a folder with more files than the bound is refused")
  void tooManyFiles() throws IOException {
    // given
    SubmissionIntake small =
        new SubmissionIntake(
            sandboxes, new IntakeLimits(1024, 5, 1024 * 1024, 1024, 400), UndecodableSource.REFUSE);
    for (int i = 0; i < 6; i++) {
      write("C" + i + ".java", "class C" + i + " {}");
    }

    // when / then
    assertThat(refusal(small.receive(submission))).contains("more than 5 files and folders");
  }

  @Test
  @DisplayName("an unreadable source refuses the submission with a message (skipped as root)")
  void unreadableFile() throws IOException {
    // given
    Path file = write("Locked.java", "class Locked {}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "root reads any file, so this cannot be shown as root");

    // when / then
    assertThat(refusal(intake.receive(submission))).contains("Locked.java cannot be read");
  }

  @Test
  @DisplayName("a sandbox inside the submission folder is never read back into itself")
  void sandboxInsideSubmission() throws IOException {
    // given
    write("A.java", "class A {}");
    SubmissionIntake inside = new SubmissionIntake(submission.resolve("sandboxes"));

    // when
    IntakeResult.Accepted accepted = accepted(inside.receive(submission));

    // then
    assertThat(accepted.sources()).hasSize(1);
  }

  private Path write(String relative, String text) throws IOException {
    return write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String relative, byte[] bytes) throws IOException {
    Path file = submission.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  private static IntakeResult.Accepted accepted(IntakeResult result) {
    assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
    return (IntakeResult.Accepted) result;
  }

  private static String refusal(IntakeResult result) {
    assertThat(result).isInstanceOf(IntakeResult.Refused.class);
    return ((IntakeResult.Refused) result).reason();
  }
}
