package dev.awskit.exercises.q04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;

import dev.awskit.exercises.Implementations;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

class S3ObjectTransferTest {

  private static final byte[] REPORT = "quarterly numbers\n".getBytes(StandardCharsets.UTF_8);

  private final S3Client s3 = mock(S3Client.class);
  private final List<PutObjectRequest> puts = new ArrayList<>();
  private final List<byte[]> uploadedBodies = new ArrayList<>();

  @TempDir Path dir;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void s3HoldsOneObject() {
    // In the SDK, every putObject overload ends in putObject(request, RequestBody) and every
    // getObject overload (Path, input stream, getObjectAsBytes, Consumer builders) ends in
    // getObject(request, ResponseTransformer). Those two are faked here; the others run for
    // real, so you may use whichever overload you like.
    doAnswer(
            invocation -> {
              puts.add(invocation.getArgument(0));
              RequestBody body = invocation.getArgument(1);
              try (InputStream in = body.contentStreamProvider().newStream()) {
                uploadedBodies.add(in.readAllBytes());
              }
              return PutObjectResponse.builder().eTag("\"etag\"").build();
            })
        .when(s3)
        .putObject(any(PutObjectRequest.class), any(RequestBody.class));
    doAnswer(
            invocation -> {
              ResponseTransformer<GetObjectResponse, ?> transformer = invocation.getArgument(1);
              GetObjectResponse response =
                  GetObjectResponse.builder().contentLength((long) REPORT.length).build();
              return transformer.transform(
                  response, AbortableInputStream.create(new ByteArrayInputStream(REPORT)));
            })
        .when(s3)
        .getObject(any(GetObjectRequest.class), any(ResponseTransformer.class));
    doCallRealMethod().when(s3).putObject(any(PutObjectRequest.class), any(Path.class));
    doCallRealMethod().when(s3).putObject(any(Consumer.class), any(RequestBody.class));
    doCallRealMethod().when(s3).putObject(any(Consumer.class), any(Path.class));
    doCallRealMethod().when(s3).getObject(any(Consumer.class), any(ResponseTransformer.class));
    doCallRealMethod().when(s3).getObject(any(GetObjectRequest.class), any(Path.class));
    doCallRealMethod().when(s3).getObject(any(Consumer.class), any(Path.class));
    doCallRealMethod().when(s3).getObject(any(GetObjectRequest.class));
    doCallRealMethod().when(s3).getObject(any(Consumer.class));
    doCallRealMethod().when(s3).getObjectAsBytes(any(GetObjectRequest.class));
    doCallRealMethod().when(s3).getObjectAsBytes(any(Consumer.class));
  }

  @Test
  @DisplayName("upload sends the file's content to the bucket and key and returns true")
  void uploadsAFile() throws Exception {
    // given
    ObjectTransfer transfer = Implementations.create(ObjectTransfer.class, s3);
    Path file = Files.write(dir.resolve("report.txt"), REPORT);

    // when
    boolean uploaded = transfer.upload(file, "kit-reports", "2024/report.txt");

    // then
    assertThat(uploaded).as("the result of upload").isTrue();
    assertThat(puts).as("the PutObject requests sent").hasSize(1);
    assertThat(puts.get(0).bucket()).as("the bucket").isEqualTo("kit-reports");
    assertThat(puts.get(0).key()).as("the key").isEqualTo("2024/report.txt");
    assertThat(uploadedBodies.get(0)).as("the bytes uploaded").isEqualTo(REPORT);
  }

  @Test
  @DisplayName("download writes the object into a new file and returns true")
  void downloadsAnObject() throws Exception {
    // given
    ObjectTransfer transfer = Implementations.create(ObjectTransfer.class, s3);
    Path target = dir.resolve("copy.txt");

    // when
    boolean downloaded = transfer.download("kit-reports", "2024/report.txt", target);

    // then
    assertThat(downloaded).as("the result of download").isTrue();
    assertThat(target).as("the downloaded file").hasBinaryContent(REPORT);
  }
}
