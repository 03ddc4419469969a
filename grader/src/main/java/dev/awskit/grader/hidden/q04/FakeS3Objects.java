package dev.awskit.grader.hidden.q04;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mockito.invocation.InvocationOnMock;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Stands in for S3 behind a Mockito mock of {@link S3Client}, so that every overload a student
 * may fairly use is graded alike.
 *
 * <p>In the SDK, {@code putObject(PutObjectRequest, RequestBody)} and
 * {@code getObject(GetObjectRequest, ResponseTransformer)} do the work; every other overload
 * ({@code Path}, {@code ResponseInputStream}, {@code getObjectAsBytes}, the
 * {@code Consumer<Builder>} forms) is a default method of the interface that ends in one of
 * those two. The fake answers those two and lets the real default methods run for the rest.
 * Like the real client, it reads the whole request body, feeds the object through the caller's
 * transformer, and reports a transformer's failure as an {@link SdkClientException}.
 */
final class FakeS3Objects {

  /** Describes an object in the fake, and after how many bytes its download breaks, if ever. */
  private record StoredObject(byte[] content, int breaksAfter) {}

  final S3Client client = mock(S3Client.class);

  /** Every PutObject request that reached S3, in order, with the body S3 received. */
  final List<PutObjectRequest> putRequests = new ArrayList<>();

  final List<byte[]> putBodies = new ArrayList<>();

  /** Every GetObject request that reached S3, in order. */
  final List<GetObjectRequest> getRequests = new ArrayList<>();

  private final Map<String, StoredObject> objects = new HashMap<>();
  private RuntimeException putFailure;
  private RuntimeException getFailure;

  @SuppressWarnings({"unchecked", "rawtypes"})
  FakeS3Objects() {
    doAnswer(this::put).when(client).putObject(any(PutObjectRequest.class), any(RequestBody.class));
    doCallRealMethod().when(client).putObject(any(PutObjectRequest.class), any(Path.class));
    doCallRealMethod().when(client).putObject(any(Consumer.class), any(RequestBody.class));
    doCallRealMethod().when(client).putObject(any(Consumer.class), any(Path.class));

    doAnswer(this::get)
        .when(client)
        .getObject(any(GetObjectRequest.class), any(ResponseTransformer.class));
    doCallRealMethod()
        .when(client)
        .getObject(any(Consumer.class), any(ResponseTransformer.class));
    doCallRealMethod().when(client).getObject(any(GetObjectRequest.class), any(Path.class));
    doCallRealMethod().when(client).getObject(any(Consumer.class), any(Path.class));
    doCallRealMethod().when(client).getObject(any(GetObjectRequest.class));
    doCallRealMethod().when(client).getObject(any(Consumer.class));
    doCallRealMethod().when(client).getObjectAsBytes(any(GetObjectRequest.class));
    doCallRealMethod().when(client).getObjectAsBytes(any(Consumer.class));
  }

  /** Stores an object that downloads completely. */
  FakeS3Objects withObject(String bucket, String key, byte[] content) {
    objects.put(bucket + "/" + key, new StoredObject(content.clone(), -1));
    return this;
  }

  /** Stores an object whose download breaks, like a reset connection, after some bytes. */
  FakeS3Objects withBrokenObject(String bucket, String key, byte[] content, int breaksAfter) {
    objects.put(bucket + "/" + key, new StoredObject(content.clone(), breaksAfter));
    return this;
  }

  /** Makes every PutObject request fail with {@code failure} once S3 has read the body. */
  FakeS3Objects failingPutsWith(RuntimeException failure) {
    putFailure = failure;
    return this;
  }

  /** Makes every GetObject request fail with {@code failure} before any byte arrives. */
  FakeS3Objects failingGetsWith(RuntimeException failure) {
    getFailure = failure;
    return this;
  }

  /** Returns the number of requests of any kind that reached S3. */
  int requestCount() {
    return putRequests.size() + getRequests.size();
  }

  private PutObjectResponse put(InvocationOnMock invocation) {
    PutObjectRequest request = invocation.getArgument(0);
    RequestBody body = invocation.getArgument(1);
    putRequests.add(request);
    byte[] received;
    try (InputStream in = body.contentStreamProvider().newStream()) {
      received = in.readAllBytes();
    } catch (IOException | UncheckedIOException unreadable) {
      throw SdkClientException.builder()
          .message("Unable to read the request body: " + unreadable.getMessage())
          .cause(unreadable)
          .build();
    }
    putBodies.add(received);
    if (putFailure != null) {
      throw putFailure;
    }
    return PutObjectResponse.builder().eTag("\"fake-etag\"").build();
  }

  private Object get(InvocationOnMock invocation) {
    GetObjectRequest request = invocation.getArgument(0);
    ResponseTransformer<GetObjectResponse, ?> transformer = invocation.getArgument(1);
    getRequests.add(request);
    if (getFailure != null) {
      throw getFailure;
    }
    StoredObject object = objects.get(request.bucket() + "/" + request.key());
    if (object == null) {
      throw noSuchKey();
    }
    GetObjectResponse response =
        GetObjectResponse.builder()
            .contentLength((long) object.content().length)
            .eTag("\"fake-etag\"")
            .build();
    InputStream stream =
        object.breaksAfter() < 0
            ? new ByteArrayInputStream(object.content())
            : new BreakingInputStream(object.content(), object.breaksAfter());
    try {
      return transformer.transform(response, AbortableInputStream.create(stream));
    } catch (SdkException sdkFailure) {
      throw sdkFailure;
    } catch (Exception transformFailure) {
      // What the real client does with any failure of the caller's transformer.
      throw SdkClientException.builder()
          .message("Unable to unmarshall response (" + transformFailure.getMessage() + ")")
          .cause(transformFailure)
          .build();
    }
  }

  static NoSuchKeyException noSuchKey() {
    return NoSuchKeyException.builder()
        .statusCode(404)
        .message("The specified key does not exist.")
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("NoSuchKey")
                .errorMessage("The specified key does not exist.")
                .serviceName("S3")
                .build())
        .build();
  }

  /** Yields some bytes, then fails as a reset connection would. */
  private static final class BreakingInputStream extends InputStream {

    private final byte[] content;
    private final int breaksAfter;
    private int position;

    BreakingInputStream(byte[] content, int breaksAfter) {
      this.content = content;
      this.breaksAfter = breaksAfter;
    }

    @Override
    public int read() throws IOException {
      if (position >= breaksAfter) {
        throw new IOException("Connection reset (the grader broke this download on purpose)");
      }
      return position < content.length ? content[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (position >= breaksAfter) {
        throw new IOException("Connection reset (the grader broke this download on purpose)");
      }
      int count = Math.min(length, Math.min(breaksAfter, content.length) - position);
      if (count <= 0) {
        return -1;
      }
      System.arraycopy(content, position, buffer, offset, count);
      position += count;
      return count;
    }
  }
}
