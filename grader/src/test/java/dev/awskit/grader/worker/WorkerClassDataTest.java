package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that only plain class names of a recorded class list reach the archive. */
class WorkerClassDataTest {

  @TempDir Path work;

  @Test
  void onlyPlainClassesOutsideTheConfiningProviderAndTheHiddenTestsAreArchived() throws IOException {
    // given
    Path recorded =
        Files.write(
            work.resolve("classes.lst"),
            List.of(
                "java/lang/Object id: 0",
                "org/mockito/Mockito id: 7",
                "software/amazon/awssdk/services/s3/S3Client",
                "dev/awskit/grader/sandbox/ConfiningFileSystemProvider id: 9",
                "dev/awskit/grader/hidden/q01/Question01Test id: 10",
                "evil/FromElsewhere id: 11 super: 0 source: /tmp/evil.jar",
                "@lambda-proxy java/lang/Runnable run ()V",
                "# a comment"));

    // when
    List<String> archived = WorkerClassData.plainClasses(recorded);

    // then
    assertThat(archived)
        .as("the lines of the recorded class list that go into the archive")
        .containsExactly(
            "java/lang/Object id: 0",
            "org/mockito/Mockito id: 7",
            "software/amazon/awssdk/services/s3/S3Client");
  }
}
