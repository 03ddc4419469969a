package dev.awskit.grader.hidden.q04;

import static dev.awskit.grader.hidden.ServiceErrors.serviceError;

import dev.awskit.grader.hidden.doubles.S3Double;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Holds the objects of question 4's buckets and answers PutObject and GetObject for them through
 * an {@link S3Double}, so that every overload a student may fairly use is graded alike.
 *
 * <p>Like the real client, it reads the whole request body, feeds the object through the caller's
 * transformer, and reports a transformer's failure as an {@link SdkClientException}.
 */
final class StoredObjects {

  /** Describes an object in the fake, and after how many bytes its download breaks, if ever. */
  private record StoredObject(byte[] content, int breaksAfter) {}

  private final S3Double s3 = new S3Double("PutObject and GetObject").onPut(this::put).onGet(this::get);

  final S3Client client = s3.client();

  /** Every PutObject request that reached S3, in order, with the body S3 received. */
  final List<PutObjectRequest> putRequests = new ArrayList<>();

  final List<byte[]> putBodies = new ArrayList<>();

  /** Every GetObject request that reached S3, in order. */
  final List<GetObjectRequest> getRequests = new ArrayList<>();

  private final Map<String, StoredObject> objects = new HashMap<>();
  private final List<ClosingStream> handedOut = new ArrayList<>();
  private RuntimeException putFailure;
  private RuntimeException getFailure;

  /** Stores an object that downloads completely. */
  StoredObjects withObject(String bucket, String key, byte[] content) {
    objects.put(bucket + "/" + key, new StoredObject(content.clone(), -1));
    return this;
  }

  /** Stores an object whose download breaks, like a reset connection, after some bytes. */
  StoredObjects withBrokenObject(String bucket, String key, byte[] content, int breaksAfter) {
    objects.put(bucket + "/" + key, new StoredObject(content.clone(), breaksAfter));
    return this;
  }

  /** Makes every PutObject request fail with {@code failure} once S3 has read the body. */
  StoredObjects failingPutsWith(RuntimeException failure) {
    putFailure = failure;
    return this;
  }

  /** Makes every GetObject request fail with {@code failure} before any byte arrives. */
  StoredObjects failingGetsWith(RuntimeException failure) {
    getFailure = failure;
    return this;
  }

  /** Returns the number of requests of any kind that reached S3. */
  int requestCount() {
    return s3.requests().size();
  }

  /** Returns how many object streams S3 handed out that nobody closed. */
  int openStreams() {
    return (int) handedOut.stream().filter(stream -> !stream.closed).count();
  }

  private PutObjectResponse put(PutObjectRequest request, RequestBody body) {
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

  private Object get(GetObjectRequest request, ResponseTransformer<GetObjectResponse, ?> transformer) {
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
    ClosingStream stream =
        new ClosingStream(
            object.breaksAfter() < 0
                ? new ByteArrayInputStream(object.content())
                : new BreakingInputStream(object.content(), object.breaksAfter()));
    handedOut.add(stream);
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
    } finally {
      // Like the real client: the connection stays open only for a transformer that hands the
      // stream on to the caller (getObject(request)); the caller must close that one.
      if (!transformer.needsConnectionLeftOpen()) {
        stream.close();
      }
    }
  }

  static NoSuchKeyException noSuchKey() {
    return serviceError(
        NoSuchKeyException.builder(), "S3", 404, "NoSuchKey", "The specified key does not exist.");
  }

  /** Remembers whether it was closed, as an HTTP connection's stream would need to be. */
  private static final class ClosingStream extends FilterInputStream {

    private boolean closed;

    ClosingStream(InputStream content) {
      super(content);
    }

    @Override
    public void close() {
      closed = true;
    }
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
