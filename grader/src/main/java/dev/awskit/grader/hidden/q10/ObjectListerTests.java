package dev.awskit.grader.hidden.q10;

import static dev.awskit.grader.hidden.Thrown.outcome;
import static dev.awskit.grader.hidden.Thrown.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.q10.ObjectLister;
import dev.awskit.exercises.q10.ObjectSummary;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Hidden tests of question 10: listing every object under a prefix, page after page.
 *
 * <p>The S3 mock behaves like a small bucket whose pages hold two keys: it filters by the
 * request's {@code Prefix}, continues after a {@code ContinuationToken} it handed out (or after a
 * {@code StartAfter} key), and reports {@code IsTruncated} and {@code NextContinuationToken}. So
 * the SDK's paginator and a hand-written loop are graded alike.
 */
@QuestionTests(10)
@DisplayName("Question 10: listing every object under a prefix")
class ObjectListerTests {

  private static final String BUCKET = "grading-bucket";
  private static final int PAGE_SIZE = 2;
  /** More calls than any correct lister needs here: a lister that never stops is cut short. */
  private static final int MAX_CALLS = 25;

  private S3Client s3;
  private final List<S3Object> objects = new ArrayList<>();
  private final List<ListObjectsV2Request> requests = new ArrayList<>();
  /** When set, the request with this number (1 for the first) fails with {@link #failure}. */
  private int failingCall;

  private SdkException failure;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void mockS3() {
    s3 = mock(S3Client.class);
    // The paginator and the Consumer<Builder> overloads are default methods; run for real, they
    // all end in listObjectsV2(ListObjectsV2Request), answered by the fake bucket below.
    when(s3.listObjectsV2Paginator(any(ListObjectsV2Request.class))).thenCallRealMethod();
    when(s3.listObjectsV2Paginator(any(Consumer.class))).thenCallRealMethod();
    when(s3.listObjectsV2(any(Consumer.class))).thenCallRealMethod();
    when(s3.listObjectsV2(any(ListObjectsV2Request.class)))
        .thenAnswer(call -> page(call.getArgument(0)));
  }

  private ObjectLister lister(Submission submission) {
    return submission.create(ObjectLister.class, s3);
  }

  @Test
  @Points(3)
  @DisplayName("all objects of three pages are returned, in order")
  void followsEveryPage(Submission submission) {
    // given: six objects, so three pages of two
    store("a/1.txt", "a/2.txt", "a/3.txt", "b/4.txt", "b/5.txt", "c/6.txt");

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, null);

    // then
    assertThat(keys(listed))
        .as("keys returned for a bucket of six objects that S3 sends as three pages of two;"
            + " returning only the first two means the NextContinuationToken was not followed")
        .containsExactly("a/1.txt", "a/2.txt", "a/3.txt", "b/4.txt", "b/5.txt", "c/6.txt");
    assertThat(requests.size())
        .as("number of ListObjectsV2 requests for three pages")
        .isEqualTo(3);
  }

  @Test
  @Points(2)
  @DisplayName("each summary carries the object's key, size and last-modified time")
  void summariesCarryKeySizeAndTime(Submission submission) {
    // given
    Instant early = Instant.parse("2023-11-02T08:00:00Z");
    Instant late = Instant.parse("2024-06-30T23:59:59.250Z");
    objects.add(object("docs/big.bin", 5_368_709_120L, early));
    objects.add(object("docs/empty.txt", 0L, late));
    objects.add(object("docs/note.md", 731L, early));

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, "docs/");

    // then
    assertThat(listed)
        .as("summaries of the objects under docs/ (key, size in bytes, LastModified)")
        .containsExactly(
            new ObjectSummary("docs/big.bin", 5_368_709_120L, early),
            new ObjectSummary("docs/empty.txt", 0L, late),
            new ObjectSummary("docs/note.md", 731L, early));
  }

  @Test
  @Points(2)
  @DisplayName("the bucket and the prefix are sent on every page request")
  void prefixOnEveryRequest(Submission submission) {
    // given: five objects under logs/ (three pages) among others
    store("images/cat.png", "images/dog.png", "logs/01.log", "logs/02.log", "logs/03.log",
        "logs/04.log", "logs/05.log", "logs2024/old.log", "zeta.txt");

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, "logs/");

    // then
    assertThat(requests.stream().map(ListObjectsV2Request::prefix).toList())
        .as("Prefix of each ListObjectsV2 request for list(bucket, \"logs/\"): every page"
            + " request must carry it, not only the first")
        .containsOnly("logs/");
    assertThat(requests.stream().map(ListObjectsV2Request::bucket).toList())
        .as("Bucket of each ListObjectsV2 request")
        .containsOnly(BUCKET);
    assertThat(keys(listed))
        .as("keys returned for list(bucket, \"logs/\")")
        .containsExactly("logs/01.log", "logs/02.log", "logs/03.log", "logs/04.log",
            "logs/05.log");
    assertThat(requests.size())
        .as("number of ListObjectsV2 requests for five objects under logs/ (pages of two)")
        .isEqualTo(3);
  }

  @Test
  @Points(1)
  @DisplayName("a null or empty prefix lists every object of the bucket")
  void noPrefixListsEverything(Submission submission) {
    // given
    store("a.txt", "b/c.txt", "d/e/f.txt");
    ObjectLister lister = lister(submission);

    // when
    List<ObjectSummary> withNull = lister.list(BUCKET, null);
    List<ObjectSummary> withEmpty = lister.list(BUCKET, "");

    // then
    assertThat(keys(withNull)).as("keys returned for list(bucket, null)")
        .containsExactly("a.txt", "b/c.txt", "d/e/f.txt");
    assertThat(keys(withEmpty)).as("keys returned for list(bucket, \"\")")
        .containsExactly("a.txt", "b/c.txt", "d/e/f.txt");
  }

  @Test
  @Points(1)
  @DisplayName("an empty bucket gives an empty list")
  void emptyBucketGivesEmptyList(Submission submission) {
    // given: no objects at all

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, "anything/");

    // then
    assertThat(listed).as("result of listing an empty bucket").isNotNull().isEmpty();
    assertThat(requests.size())
        .as("number of ListObjectsV2 requests for an empty bucket")
        .isEqualTo(1);
  }

  @Test
  @Points(2)
  @DisplayName("a missing bucket's NoSuchBucketException propagates unchanged")
  void missingBucketPropagates(Submission submission) {
    // given
    store("a.txt");

    // when
    Throwable thrown = thrownBy(() -> lister(submission).list("no-such-bucket", null));

    // then
    assertThat(thrown)
        .withFailMessage(
            "list on a bucket that does not exist should let S3's NoSuchBucketException"
                + " propagate unchanged (an empty list would claim the bucket is empty), but %s",
            outcome(thrown))
        .isSameAs(failure);
  }

  @Test
  @Points(1)
  @DisplayName("a failure on a later page propagates instead of a partial list")
  void laterPageFailurePropagates(Submission submission) {
    // given: the second page cannot be fetched
    store("1", "2", "3", "4", "5");
    failingCall = 2;
    failure = SdkClientException.create("Unable to execute HTTP request: connection reset");

    // when
    Throwable thrown = thrownBy(() -> lister(submission).list(BUCKET, null));

    // then
    assertThat(thrown)
        .withFailMessage(
            "when the second page fails with an SdkClientException, list should let that"
                + " exception propagate unchanged rather than return the first page only, but %s",
            outcome(thrown))
        .isSameAs(failure);
  }

  @Test
  @Points(1)
  @DisplayName("a null or blank bucket name is rejected before anything reaches S3")
  void blankBucketIsRejected(Submission submission) {
    // given
    ObjectLister lister = lister(submission);

    // when / then
    for (String bucket : new String[] {null, "", "   "}) {
      Throwable thrown = thrownBy(() -> lister.list(bucket, "x/"));
      assertThat(thrown)
          .withFailMessage(
              "list(%s, \"x/\") should throw an IllegalArgumentException, but %s",
              bucket == null ? "null" : "\"" + bucket + "\"",
              outcome(thrown))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Mockito.mockingDetails(s3).getInvocations().stream()
            .map(invocation -> invocation.getMethod().getName())
            .filter(name -> name.startsWith("list"))
            .toList())
        .as("calls to S3 for a null or blank bucket name (there should be none)")
        .isEmpty();
  }

  // ---------------------------------------------------------------- the fake bucket

  private ListObjectsV2Response page(ListObjectsV2Request request) {
    requests.add(request);
    if (requests.size() > MAX_CALLS) {
      throw new AssertionError(
          "ListObjectsV2 was called more than " + MAX_CALLS + " times for a handful of objects:"
              + " each request must send the previous page's NextContinuationToken as its"
              + " ContinuationToken, and the listing must stop when IsTruncated is false");
    }
    if (requests.size() == failingCall) {
      throw failure;
    }
    if (!BUCKET.equals(request.bucket())) {
      failure =
          NoSuchBucketException.builder()
              .statusCode(404)
              .message("The specified bucket does not exist")
              .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchBucket")
                  .serviceName("S3").build())
              .build();
      throw failure;
    }
    String prefix = request.prefix() == null ? "" : request.prefix();
    String after = startAfter(request);
    List<S3Object> matching =
        objects.stream()
            .filter(object -> object.key().startsWith(prefix))
            .filter(object -> after == null || object.key().compareTo(after) > 0)
            .toList();
    int size = request.maxKeys() == null ? PAGE_SIZE : Math.min(PAGE_SIZE, request.maxKeys());
    List<S3Object> contents = matching.subList(0, Math.min(size, matching.size()));
    boolean truncated = matching.size() > contents.size();
    ListObjectsV2Response.Builder response =
        ListObjectsV2Response.builder()
            .name(request.bucket())
            .prefix(request.prefix())
            .continuationToken(request.continuationToken())
            .keyCount(contents.size())
            .maxKeys(1000)
            .isTruncated(truncated);
    if (!contents.isEmpty()) {
      response.contents(contents);
    }
    if (truncated) {
      response.nextContinuationToken(token(contents.get(contents.size() - 1).key()));
    }
    return response.build();
  }

  private static String startAfter(ListObjectsV2Request request) {
    String token = request.continuationToken();
    if (token != null && !token.isEmpty()) {
      try {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
            .substring("after:".length());
      } catch (IllegalArgumentException | IndexOutOfBoundsException unknown) {
        throw invalidToken(token);
      }
    }
    return request.startAfter();
  }

  private static String token(String lastKey) {
    return Base64.getUrlEncoder().encodeToString(("after:" + lastKey)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static AwsServiceException invalidToken(String token) {
    return S3Exception.builder()
        .statusCode(400)
        .message("The continuation token provided is incorrect: " + token)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidArgument")
            .serviceName("S3").build())
        .build();
  }

  private void store(String... keys) {
    Instant time = Instant.parse("2024-01-15T10:00:00Z");
    Stream.of(keys).forEach(key -> objects.add(object(key, key.length() * 100L, time)));
    objects.sort(Comparator.comparing(S3Object::key));
  }

  private static S3Object object(String key, long size, Instant lastModified) {
    return S3Object.builder().key(key).size(size).lastModified(lastModified)
        .eTag("\"etag-" + key.hashCode() + "\"").storageClass("STANDARD").build();
  }

  private static List<String> keys(List<ObjectSummary> summaries) {
    assertThat(summaries).as("list should never return null").isNotNull();
    return summaries.stream().map(ObjectSummary::key).toList();
  }
}
