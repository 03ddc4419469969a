package dev.awskit.grader.hidden.q04;

import static dev.awskit.grader.hidden.ServiceErrors.s3Error;
import static dev.awskit.grader.hidden.Thrown.describe;
import static dev.awskit.grader.hidden.Thrown.resultOf;
import static dev.awskit.grader.hidden.Thrown.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q04.ObjectTransfer;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

@QuestionTests(4)
class ObjectTransferHiddenTest {

  private static final String BUCKET = "kit-reports";
  private static final String KEY = "2024/q3/summary.bin";

  @Test
  @Points(2)
  @Checks({"4.1", "4.2"})
  @DisplayName("upload sends the file's exact bytes to the given bucket and key and returns true")
  void uploadSendsTheFileContent(Submission submission, @TempDir Path dir) throws IOException {
    // given
    StoredObjects s3 = new StoredObjects();
    byte[] content = binaryContent(3000);
    Path file = Files.write(dir.resolve("summary.bin"), content);

    // when
    boolean uploaded = transferOf(submission, s3).upload(file, BUCKET, KEY);

    // then
    assertThat(uploaded)
        .withFailMessage("upload should return true when S3 accepts the object, but returned false.")
        .isTrue();
    assertThat(s3.putRequests)
        .withFailMessage(
            "upload should send exactly one PutObject request, but sent %d.", s3.putRequests.size())
        .hasSize(1);
    PutObjectRequest request = s3.putRequests.get(0);
    assertThat(request.bucket() + " / " + request.key())
        .withFailMessage(
            "The PutObject request should name bucket \"%s\" and key \"%s\", but named bucket"
                + " \"%s\" and key \"%s\".",
            BUCKET, KEY, request.bucket(), request.key())
        .isEqualTo(BUCKET + " / " + KEY);
    assertThat(s3.putBodies.get(0))
        .withFailMessage(
            "The uploaded body should be the file's %d bytes, unchanged, but S3 received %d bytes"
                + " that differ.",
            content.length, s3.putBodies.get(0).length)
        .isEqualTo(content);
  }

  @Test
  @Points(1)
  @Checks({"4.1", "4.2"})
  @DisplayName("upload of an empty file stores an empty object under a key with spaces and accents, and returns true")
  void uploadOfEmptyFileStoresAnEmptyObject(Submission submission, @TempDir Path dir)
      throws IOException {
    // given: an empty file is a valid object, and a key is sent exactly as given
    StoredObjects s3 = new StoredObjects();
    Path file = Files.createFile(dir.resolve("vide.txt"));
    String key = "rapports/été 2024/vide + notes.txt";

    // when
    boolean uploaded =
        returnsWithoutThrowing(
            "upload of an empty file", () -> transferOf(submission, s3).upload(file, BUCKET, key));

    // then
    assertThat(uploaded)
        .withFailMessage(
            "upload of an empty file should store an empty object and return true (an object may"
                + " hold no bytes), but returned false.")
        .isTrue();
    assertThat(s3.putRequests.stream().map(PutObjectRequest::key).toList())
        .withFailMessage(
            "upload of an empty file as \"%s\" should send one PutObject request for that key,"
                + " exactly as given (no encoding, no trimming), but sent requests for %s.",
            key, s3.putRequests.stream().map(PutObjectRequest::key).toList())
        .containsExactly(key);
    assertThat(s3.putBodies.get(0))
        .withFailMessage(
            "upload of an empty file should send an empty body, but S3 received %d bytes.",
            s3.putBodies.get(0).length)
        .isEmpty();
  }

  @Test
  @Points(2)
  @Checks({"4.5"})
  @DisplayName("upload returns false, without throwing, when S3 refuses the object")
  void uploadReturnsFalseWhenS3Refuses(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 = new StoredObjects().failingPutsWith(accessDenied());
    Path file = Files.write(dir.resolve("summary.bin"), binaryContent(100));

    // when
    boolean uploaded =
        returnsWithoutThrowing(
            "upload when S3 answers AccessDenied",
            () -> transferOf(submission, s3).upload(file, BUCKET, KEY));

    // then
    assertThat(uploaded)
        .withFailMessage("upload should return false when S3 refuses the object (AccessDenied).")
        .isFalse();
  }

  @Test
  @Points(1)
  @Checks({"4.5"})
  @DisplayName("upload returns false, without throwing, when S3 cannot be reached")
  void uploadReturnsFalseWhenS3CannotBeReached(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 = new StoredObjects().failingPutsWith(unreachable());
    Path file = Files.write(dir.resolve("summary.bin"), binaryContent(100));

    // when
    boolean uploaded =
        returnsWithoutThrowing(
            "upload when S3 cannot be reached (SdkClientException)",
            () -> transferOf(submission, s3).upload(file, BUCKET, KEY));

    // then
    assertThat(uploaded)
        .withFailMessage(
            "upload should return false when S3 cannot be reached (SdkClientException).")
        .isFalse();
  }

  @Test
  @Points(2)
  @Checks({"4.3"})
  @DisplayName("upload of a file that does not exist returns false, throws nothing and sends nothing")
  void uploadOfMissingFileReturnsFalse(Submission submission, @TempDir Path dir) {
    // given
    StoredObjects s3 = new StoredObjects();
    Path missing = dir.resolve("no-such-file.bin");

    // when
    boolean uploaded =
        returnsWithoutThrowing(
            "upload of a file that does not exist",
            () -> transferOf(submission, s3).upload(missing, BUCKET, KEY));

    // then
    assertThat(uploaded)
        .withFailMessage("upload of a file that does not exist should return false.")
        .isFalse();
    assertThat(s3.putRequests)
        .withFailMessage(
            "upload of a file that does not exist must not send a PutObject request, but sent %s.",
            s3.putRequests)
        .isEmpty();
  }

  @Test
  @Points(1)
  @Checks({"4.4"})
  @DisplayName("upload of a folder returns false, throws nothing and stores nothing")
  void uploadOfFolderReturnsFalse(Submission submission, @TempDir Path dir) throws IOException {
    // given
    StoredObjects s3 = new StoredObjects();
    Path folder = Files.createDirectory(dir.resolve("reports"));
    Files.write(folder.resolve("summary.bin"), binaryContent(100));

    // when
    boolean uploaded =
        returnsWithoutThrowing(
            "upload of a folder", () -> transferOf(submission, s3).upload(folder, BUCKET, KEY));

    // then
    assertThat(uploaded)
        .withFailMessage("upload of a folder should return false: a folder is not a file.")
        .isFalse();
    assertThat(s3.putBodies)
        .withFailMessage(
            "upload of a folder must not store anything in S3, but S3 received %d object(s).",
            s3.putBodies.size())
        .isEmpty();
  }

  @Test
  @Points(2)
  @Checks({"4.6", "4.8"})
  @DisplayName("download writes the object's exact bytes to the target file and returns true")
  void downloadWritesTheObject(Submission submission, @TempDir Path dir) throws IOException {
    // given
    byte[] content = binaryContent(5000);
    StoredObjects s3 = new StoredObjects().withObject(BUCKET, KEY, content);
    Path target = dir.resolve("summary.bin");

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download of an existing object",
            () -> transferOf(submission, s3).download(BUCKET, KEY, target));

    // then
    assertThat(downloaded)
        .withFailMessage("download should return true when the object was downloaded.")
        .isTrue();
    assertSameBytes(target, content, "After a successful download");
    assertThat(s3.getRequests)
        .withFailMessage(
            "download should send exactly one GetObject request, but sent %d.",
            s3.getRequests.size())
        .hasSize(1);
    assertThat(s3.getRequests.get(0).bucket() + " / " + s3.getRequests.get(0).key())
        .withFailMessage(
            "The GetObject request should name bucket \"%s\" and key \"%s\", but named bucket"
                + " \"%s\" and key \"%s\".",
            BUCKET, KEY, s3.getRequests.get(0).bucket(), s3.getRequests.get(0).key())
        .isEqualTo(BUCKET + " / " + KEY);
  }

  @Test
  @Points(2)
  @Checks({"4.7"})
  @DisplayName("download replaces a target file that already exists")
  void downloadReplacesAnExistingFile(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    byte[] content = binaryContent(700);
    StoredObjects s3 = new StoredObjects().withObject(BUCKET, KEY, content);
    Path target = Files.write(dir.resolve("summary.bin"), oldContent(2000));

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download over an existing file",
            () -> transferOf(submission, s3).download(BUCKET, KEY, target));

    // then
    assertThat(downloaded)
        .withFailMessage(
            "download should return true and replace a target file that already exists, but"
                + " returned false. Note: ResponseTransformer.toFile and getObject(request, Path)"
                + " refuse to write over an existing file.")
        .isTrue();
    assertSameBytes(target, content, "After downloading over an existing file");
  }

  @Test
  @Points(2)
  @Checks({"4.9", "4.10"})
  @DisplayName("download of a missing object returns false, throws nothing and creates no file")
  void downloadOfMissingObjectReturnsFalse(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 = new StoredObjects();
    Path folder = Files.createDirectory(dir.resolve("downloads"));
    Path target = folder.resolve("summary.bin");

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download of a missing object (NoSuchKey)",
            () -> transferOf(submission, s3).download(BUCKET, KEY, target));

    // then
    assertThat(downloaded)
        .withFailMessage("download of a missing object (NoSuchKey) should return false.")
        .isFalse();
    assertFolderHolds(folder, List.of(), "After downloading a missing object");
  }

  @Test
  @Points(1)
  @Checks({"4.11"})
  @DisplayName("download into a folder that does not exist returns false and creates neither the folder nor a file")
  void downloadIntoMissingFolderReturnsFalse(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 = new StoredObjects().withObject(BUCKET, KEY, binaryContent(300));
    Path target = dir.resolve("not-yet-made").resolve("summary.bin");

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download into a folder that does not exist",
            () -> transferOf(submission, s3).download(BUCKET, KEY, target));

    // then
    assertThat(downloaded)
        .withFailMessage(
            "download into a folder that does not exist should return false (the contract says"
                + " the target's folder must already exist), but returned true.")
        .isFalse();
    assertFolderHolds(dir, List.of(), "After downloading into a folder that does not exist");
  }

  @Test
  @Points(2)
  @Checks({"4.9", "4.10"})
  @DisplayName("a download that breaks midway returns false and leaves no partial file behind")
  void brokenDownloadLeavesNoPartialFile(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 =
        new StoredObjects().withBrokenObject(BUCKET, KEY, binaryContent(64 * 1024), 10_000);
    Path folder = Files.createDirectory(dir.resolve("downloads"));
    Path target = folder.resolve("summary.bin");

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download whose connection breaks midway",
            () -> transferOf(submission, s3).download(BUCKET, KEY, target));

    // then
    assertThat(downloaded)
        .withFailMessage("download should return false when the connection breaks midway.")
        .isFalse();
    assertFolderHolds(folder, List.of(), "After a download that broke midway");
  }

  @Test
  @Points(1)
  @Checks({"4.10"})
  @DisplayName("a download that fails keeps the existing target file unchanged")
  void failedDownloadKeepsTheExistingFile(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 =
        new StoredObjects().withBrokenObject(BUCKET, KEY, binaryContent(64 * 1024), 10_000);
    Path folder = Files.createDirectory(dir.resolve("downloads"));
    byte[] previous = oldContent(1500);
    Path target = Files.write(folder.resolve("summary.bin"), previous);

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download over an existing file whose connection breaks midway",
            () -> transferOf(submission, s3).download(BUCKET, KEY, target));

    // then
    assertThat(downloaded)
        .withFailMessage("download should return false when the connection breaks midway.")
        .isFalse();
    assertThat(Files.isRegularFile(target))
        .withFailMessage(
            "After a failed download the existing file should still be there with its old"
                + " content, but it is gone. Write the object to a temporary file and move it into"
                + " place only when it is complete.")
        .isTrue();
    byte[] after = Files.readAllBytes(target);
    assertThat(after)
        .withFailMessage(
            "After a failed download the existing file should keep its old %d bytes, but it"
                + " holds %d bytes that differ. Write the object to a temporary file and move it"
                + " into place only when it is complete.",
            previous.length, after.length)
        .isEqualTo(previous);
    assertFolderHolds(folder, List.of("summary.bin"), "After a failed download over a file");
  }

  @Test
  @Points(1)
  @Checks({"4.9", "4.10"})
  @DisplayName("download onto a folder returns false and leaves the folder as it was")
  void downloadOntoFolderReturnsFalse(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 = new StoredObjects().withObject(BUCKET, KEY, binaryContent(700));
    Path folder = Files.createDirectory(dir.resolve("downloads"));
    Path target = Files.createDirectory(folder.resolve("summary.bin"));
    byte[] previous = oldContent(300);
    Files.write(target.resolve("notes.txt"), previous);

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download onto a folder",
            () -> transferOf(submission, s3).download(BUCKET, KEY, target));

    // then
    assertThat(downloaded)
        .withFailMessage(
            "download onto a target that is a folder (with a file in it) should return false:"
                + " the object cannot be written there.")
        .isFalse();
    assertThat(Files.isDirectory(target))
        .withFailMessage("After a download onto a folder, the folder should still be there.")
        .isTrue();
    assertThat(Files.readAllBytes(target.resolve("notes.txt")))
        .withFailMessage("After a download onto a folder, the file in it should be unchanged.")
        .isEqualTo(previous);
    assertFolderHolds(target, List.of("notes.txt"), "After a download onto a folder");
    assertFolderHolds(folder, List.of("summary.bin"), "After a download onto a folder");
  }

  @Test
  @Points(1)
  @Checks({"4.9"})
  @DisplayName("download returns false, without throwing, when S3 cannot be reached")
  void downloadReturnsFalseWhenS3CannotBeReached(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 = new StoredObjects().failingGetsWith(unreachable());
    Path folder = Files.createDirectory(dir.resolve("downloads"));

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download when S3 cannot be reached (SdkClientException)",
            () -> transferOf(submission, s3).download(BUCKET, KEY, folder.resolve("summary.bin")));

    // then
    assertThat(downloaded)
        .withFailMessage(
            "download should return false when S3 cannot be reached (SdkClientException).")
        .isFalse();
    assertFolderHolds(folder, List.of(), "After a download that could not reach S3");
  }

  @Test
  @Points(1)
  @Checks({"4.13"})
  @DisplayName("null paths and null or blank buckets or keys are refused with IllegalArgumentException before S3 is called")
  void refusesBadArgumentsBeforeCallingS3(Submission submission, @TempDir Path dir)
      throws IOException {
    // when / then
    Path file = Files.write(dir.resolve("summary.bin"), binaryContent(10));
    Path target = dir.resolve("copy.bin");
    assertRefused(submission, "upload(null, bucket, key)", t -> t.upload(null, BUCKET, KEY), true);
    assertRefused(submission, "upload(file, \" \", key)", t -> t.upload(file, " ", KEY), false);
    assertRefused(submission, "upload(file, bucket, null)", t -> t.upload(file, BUCKET, null), true);
    assertRefused(submission, "download(\"\", key, target)", t -> t.download("", KEY, target), false);
    assertRefused(submission, "download(bucket, null, target)", t -> t.download(BUCKET, null, target), true);
    assertRefused(submission, "download(bucket, key, null)", t -> t.download(BUCKET, KEY, null), true);
  }

  private interface Call {
    boolean on(ObjectTransfer transfer);
  }

  private static void assertRefused(
      Submission submission, String call, Call action, boolean nullArgument) {
    StoredObjects s3 = new StoredObjects();
    ObjectTransfer transfer = transferOf(submission, s3);
    Boolean[] result = {null};
    Throwable thrown = thrownBy(() -> result[0] = action.on(transfer));
    boolean accepted =
        thrown instanceof IllegalArgumentException
            || (nullArgument && thrown instanceof NullPointerException);
    assertThat(accepted)
        .withFailMessage(
            "%s should throw IllegalArgumentException, but it %s.",
            call,
            thrown == null ? "returned " + result[0] : "threw " + describe(thrown))
        .isTrue();
    assertThat(s3.requestCount())
        .withFailMessage("%s must not send any request to S3, but it did.", call)
        .isZero();
  }

  @Test
  @Points(1)
  @Checks({"4.11"})
  @DisplayName("download into a folder that does not exist returns false and creates no folder")
  void downloadIntoAMissingFolderReturnsFalse(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 = new StoredObjects().withObject(BUCKET, KEY, binaryContent(700));
    Path target = dir.resolve("downloads").resolve("summary.bin");

    // when
    boolean downloaded =
        returnsWithoutThrowing(
            "download into a folder that does not exist",
            () -> transferOf(submission, s3).download(BUCKET, KEY, target));

    // then
    assertThat(downloaded)
        .withFailMessage(
            "download into the folder downloads/, which does not exist, should return false:"
                + " the target's folder must already exist, and download does not create it.")
        .isFalse();
    assertFolderHolds(dir, List.of(), "After a download into a missing folder");
  }

  @Test
  @Points(1)
  @Checks({"4.12"})
  @DisplayName("download closes the object stream S3 hands back, on success and on failure")
  void downloadClosesTheObjectStream(Submission submission, @TempDir Path dir)
      throws IOException {
    // given
    StoredObjects s3 =
        new StoredObjects()
            .withObject(BUCKET, KEY, binaryContent(5000))
            .withBrokenObject(BUCKET, "broken.bin", binaryContent(64 * 1024), 10_000);
    Path folder = Files.createDirectory(dir.resolve("downloads"));

    // when / then
    returnsWithoutThrowing(
        "download of an existing object",
        () -> transferOf(submission, s3).download(BUCKET, KEY, folder.resolve("summary.bin")));
    assertThat(s3.openStreams())
        .withFailMessage(
            "After a successful download, the object stream S3 handed back should be closed,"
                + " but %d stream(s) were left open. Close the ResponseInputStream of"
                + " getObject(request) with try-with-resources: it holds an HTTP connection.",
            s3.openStreams())
        .isZero();
    returnsWithoutThrowing(
        "download whose connection breaks midway",
        () -> transferOf(submission, s3).download(BUCKET, "broken.bin", folder.resolve("b.bin")));
    assertThat(s3.openStreams())
        .withFailMessage(
            "After a download that broke midway, the object stream S3 handed back should be"
                + " closed, but %d stream(s) were left open. Close the ResponseInputStream of"
                + " getObject(request) with try-with-resources, so that a failure closes it too.",
            s3.openStreams())
        .isZero();
  }

  private static ObjectTransfer transferOf(Submission submission, StoredObjects s3) {
    return submission.create(ObjectTransfer.class, s3.client);
  }

  /** Runs {@code call}; an exception other than a stub's "not implemented" fails the test. */
  private static boolean returnsWithoutThrowing(String what, BooleanSupplier call) {
    return resultOf(
        what, "it must catch AWS and I/O failures and return false instead.", call::getAsBoolean);
  }

  private static void assertSameBytes(Path file, byte[] expected, String when)
      throws IOException {
    assertThat(Files.isRegularFile(file))
        .withFailMessage("%s the file %s should exist, but it does not.", when, file.getFileName())
        .isTrue();
    byte[] actual = Files.readAllBytes(file);
    assertThat(actual)
        .withFailMessage(
            "%s the file should hold exactly the object's %d bytes, but it holds %d bytes that"
                + " differ.",
            when, expected.length, actual.length)
        .isEqualTo(expected);
  }

  private static void assertFolderHolds(Path folder, List<String> expected, String when)
      throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(folder)) {
      names = files.map(path -> path.getFileName().toString()).sorted().toList();
    }
    assertThat(names)
        .withFailMessage(
            "%s the target's folder should hold %s, but it holds %s: no partial or temporary"
                + " file may be left behind.",
            when, expected.isEmpty() ? "no file" : expected, names)
        .isEqualTo(expected);
  }

  /** Returns bytes of every value 0..255, which no text round trip keeps intact. */
  private static byte[] binaryContent(int length) {
    byte[] content = new byte[length];
    for (int i = 0; i < length; i++) {
      content[i] = (byte) (i * 31 + i / 256);
    }
    return content;
  }

  private static byte[] oldContent(int length) {
    byte[] content = new byte[length];
    Arrays.fill(content, (byte) 'o');
    return content;
  }

  private static S3Exception accessDenied() {
    return s3Error(403, "AccessDenied", "Access Denied");
  }

  private static SdkClientException unreachable() {
    return SdkClientException.create("Unable to execute HTTP request: Connect timed out");
  }
}
