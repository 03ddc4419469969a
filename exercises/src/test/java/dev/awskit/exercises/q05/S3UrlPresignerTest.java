package dev.awskit.exercises.q05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.Implementations;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

class S3UrlPresignerTest {

  // A real presigner with made-up credentials: signing is local, nothing is sent to AWS.
  private final S3Presigner realPresigner =
      S3Presigner.builder()
          .region(Region.EU_WEST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-real-secret")))
          .build();

  @AfterEach
  void closePresigner() {
    realPresigner.close();
  }

  @Test
  void presignsADownloadUrlThatExpiresWhenAsked() {
    // given
    UrlPresigner urls = Implementations.create(UrlPresigner.class, realPresigner);

    // when
    Optional<String> url =
        urls.presign("course-bucket", "reports/week1.csv", PresignedOperation.GET, 600);

    // then
    assertThat(url)
        .hasValueSatisfying(
            text ->
                assertThat(text)
                    .contains("course-bucket")
                    .contains("reports/week1.csv")
                    .contains("X-Amz-Expires=600")
                    .contains("X-Amz-Signature="));
  }

  @Test
  @SuppressWarnings("unchecked")
  void signsAnUploadRequestForTheObject() {
    // given: a mock that records the request and lets the real presigner sign it
    S3Presigner presigner = mock(S3Presigner.class);
    // The Consumer<Builder> overload is a default method: let it build the request and pass it on.
    when(presigner.presignPutObject(any(Consumer.class))).thenCallRealMethod();
    when(presigner.presignPutObject(any(PutObjectPresignRequest.class)))
        .thenAnswer(
            call ->
                realPresigner.presignPutObject(call.getArgument(0, PutObjectPresignRequest.class)));
    UrlPresigner urls = Implementations.create(UrlPresigner.class, presigner);

    // when
    Optional<String> url =
        urls.presign("course-bucket", "uploads/photo.png", PresignedOperation.PUT, 300);

    // then
    ArgumentCaptor<PutObjectPresignRequest> sent =
        ArgumentCaptor.forClass(PutObjectPresignRequest.class);
    verify(presigner).presignPutObject(sent.capture());
    assertThat(sent.getValue().putObjectRequest().bucket()).isEqualTo("course-bucket");
    assertThat(sent.getValue().putObjectRequest().key()).isEqualTo("uploads/photo.png");
    assertThat(sent.getValue().signatureDuration()).isEqualTo(Duration.ofSeconds(300));
    assertThat(url).isPresent();
  }
}
