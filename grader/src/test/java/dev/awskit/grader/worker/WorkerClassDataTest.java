package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that only plain class names, lambdas and the JDK's method-handle forms of a recorded class
 * list reach the archive.
 */
class WorkerClassDataTest {

  /** A lambda of the SDK as JDK 17 records it: host, method, four descriptors, kind and target. */
  private static final String LAMBDA =
      "@lambda-proxy software/amazon/awssdk/core/SdkField apply ()Ljava/util/function/Function;"
          + " (Ljava/lang/Object;)Ljava/lang/Object; REF_invokeVirtual"
          + " software/amazon/awssdk/core/SdkField lambda$x$0"
          + " (Ljava/lang/Object;)Ljava/lang/Object; (Ljava/lang/Object;)Ljava/lang/Object;";

  private static final String SDK_FIELD = "software/amazon/awssdk/core/SdkField";

  /** A method-handle form of the JDK, as JDK 17 records it. */
  private static final String FORM =
      "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic"
          + " L7_L";

  @TempDir Path work;

  @Test
  void onlyClassesAndLambdasOutsideTheConfiningProviderAndTheHiddenTestsAreArchived()
      throws IOException {
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
                LAMBDA,
                LAMBDA.replace(SDK_FIELD, "dev/awskit/grader/hidden/q01/Question01Test"),
                LAMBDA.replace("java/util/function/Function", "dev/awskit/grader/sandbox/Policy"),
                LAMBDA + " more",
                FORM,
                "@lambda-form-invoker [LF_RESOLVE] /tmp/evil.jar",
                "# a comment"));

    // when
    List<String> archived = WorkerClassData.archivableLines(recorded);

    // then
    assertThat(archived)
        .as("the lines of the recorded class list that go into the archive")
        .containsExactly(
            "java/lang/Object id: 0",
            "org/mockito/Mockito id: 7",
            "software/amazon/awssdk/services/s3/S3Client",
            LAMBDA,
            FORM);
  }
}
