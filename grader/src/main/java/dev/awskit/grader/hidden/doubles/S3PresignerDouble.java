package dev.awskit.grader.hidden.doubles;

import static org.mockito.Mockito.mock;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Hands a submission an {@link S3Presigner} that records every presign request and either signs it
 * with a real presigner (static made-up credentials, fixed region: signing is local, nothing is
 * sent) or throws a given failure.
 *
 * <p>The {@code Consumer<Builder>} overloads are default methods of {@code S3Presigner}; their
 * real code builds the request and calls the request-object overload, so both styles end in
 * {@link #answer} and are recorded alike.
 */
public final class S3PresignerDouble implements Answer<Object>, AutoCloseable {

  private final S3Presigner target;
  private final RuntimeException failure;
  private final S3Presigner mock;
  private final List<Object> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> urls = Collections.synchronizedList(new ArrayList<>());

  private S3PresignerDouble(S3Presigner target, RuntimeException failure) {
    this.target = target;
    this.failure = failure;
    this.mock = mock(S3Presigner.class, this);
  }

  /** Returns a presigner that signs for real, in us-east-1, with made-up static credentials. */
  public static S3PresignerDouble signing() {
    return new S3PresignerDouble(
        S3Presigner.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDGRADEREXAMPLE", "grader-secret-not-real")))
            .build(),
        null);
  }

  /** Returns a presigner whose every presign request throws {@code failure}. */
  public static S3PresignerDouble failingWith(RuntimeException failure) {
    return new S3PresignerDouble(null, failure);
  }

  /** Returns the presigner to hand to the submission. */
  public S3Presigner presigner() {
    return mock;
  }

  /** Returns the GetObject presign requests received, in order. */
  public List<GetObjectPresignRequest> getRequests() {
    return ofType(GetObjectPresignRequest.class);
  }

  /** Returns the PutObject presign requests received, in order. */
  public List<PutObjectPresignRequest> putRequests() {
    return ofType(PutObjectPresignRequest.class);
  }

  /** Returns every presign request received, of any operation, in order. */
  public List<Object> allRequests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Returns the URLs the real presigner produced, in order. */
  public List<String> urls() {
    synchronized (urls) {
      return List.copyOf(urls);
    }
  }

  /** Describes the requests received, for failure messages. */
  public String describeRequests() {
    List<Object> all = allRequests();
    if (all.isEmpty()) {
      return "no presign request at all";
    }
    List<String> described = new ArrayList<>();
    for (Object request : all) {
      if (request instanceof GetObjectPresignRequest get) {
        described.add(
            "presignGetObject(bucket="
                + get.getObjectRequest().bucket()
                + ", key="
                + get.getObjectRequest().key()
                + ", signatureDuration="
                + get.signatureDuration()
                + ")");
      } else if (request instanceof PutObjectPresignRequest put) {
        described.add(
            "presignPutObject(bucket="
                + put.putObjectRequest().bucket()
                + ", key="
                + put.putObjectRequest().key()
                + ", signatureDuration="
                + put.signatureDuration()
                + ")");
      } else {
        described.add(request.getClass().getSimpleName());
      }
    }
    return String.join(", ", described);
  }

  private <T> List<T> ofType(Class<T> type) {
    return allRequests().stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public Object answer(InvocationOnMock invocation) throws Throwable {
    Method method = invocation.getMethod();
    if (method.isDefault()) {
      // A Consumer<Builder> overload: its real code builds the request and calls back in here.
      return invocation.callRealMethod();
    }
    boolean presign = method.getName().startsWith("presign");
    if (presign && invocation.getArguments().length == 1) {
      requests.add(invocation.getArgument(0));
    }
    if (failure != null) {
      if (presign) {
        throw failure;
      }
      return Mockito.RETURNS_DEFAULTS.answer(invocation);
    }
    try {
      Object result = method.invoke(target, invocation.getArguments());
      if (result instanceof PresignedRequest presigned) {
        urls.add(presigned.url().toString());
      }
      return result;
    } catch (InvocationTargetException thrown) {
      throw thrown.getCause();
    }
  }

  @Override
  public void close() {
    if (target != null) {
      target.close();
    }
  }
}
