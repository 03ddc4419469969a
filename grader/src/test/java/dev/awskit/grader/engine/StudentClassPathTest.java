package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Proves which of the grader's class path entries a submission is compiled against. */
class StudentClassPathTest {

  @Test
  @DisplayName("a submission compiles against the contracts, the SDK and Jackson, and nothing else")
  void keepsWhatAStudentProjectHas() {
    // given
    List<Path> graderClassPath = GraderClassPath.entries();

    // when
    List<Path> selected = StudentClassPath.select(graderClassPath);

    // then
    assertThat(selected)
        .as("the class path a submission is compiled against")
        .contains(
            rootOf("dev/awskit/exercises/q04/ObjectTransfer.class"),
            rootOf("software/amazon/awssdk/services/s3/S3Client.class"),
            rootOf("com/fasterxml/jackson/databind/ObjectMapper.class"))
        .doesNotContain(
            rootOf("dev/awskit/grader/hidden/Submission.class"),
            rootOf("dev/awskit/solutions/q04/S3ObjectTransfer.class"),
            rootOf("net/bytebuddy/ByteBuddy.class"),
            rootOf("org/mockito/Mockito.class"),
            rootOf("org/junit/platform/launcher/Launcher.class"),
            rootOf("com/tngtech/archunit/core/domain/JavaClass.class"),
            rootOf("picocli/CommandLine.class"),
            // The DynamoDB double's grammar runs on it in the worker, never in a submission.
            rootOf("org/antlr/v4/runtime/CharStreams.class"));
  }

  private static Path rootOf(String resource) {
    return GraderClassPath.rootOf(resource, StudentClassPathTest.class.getClassLoader())
        .orElseThrow(() -> new AssertionError("not on the test class path: " + resource));
  }
}
