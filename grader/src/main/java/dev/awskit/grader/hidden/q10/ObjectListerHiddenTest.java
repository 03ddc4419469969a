package dev.awskit.grader.hidden.q10;

import static dev.awskit.grader.hidden.ServiceErrors.serviceError;
import static dev.awskit.grader.hidden.Thrown.outcome;
import static dev.awskit.grader.hidden.Thrown.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q10.ObjectLister;
import dev.awskit.exercises.q10.ObjectSummary;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.doubles.S3Double;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Hidden tests of question 10: listing every object under a prefix, page after page.
 *
 * <p>The S3 double behaves like a small bucket whose pages hold two keys ({@link FakeBucket}): it
 * honours the request's {@code Prefix}, {@code Delimiter}, {@code MaxKeys}, {@code StartAfter}
 * and a {@code ContinuationToken} it handed out (and refuses any other token as S3 does), and
 * reports {@code IsTruncated} and {@code NextContinuationToken}. So the SDK's paginator and a
 * hand-written loop are graded alike, and a request S3 would answer differently is answered
 * differently here.
 */
@QuestionTests(10)
@DisplayName("Question 10: listing every object under a prefix")
class ObjectListerHiddenTest {

  private static final String BUCKET = "grading-bucket";

  private final S3Double s3 = new S3Double("ListObjectsV2").on(ListObjectsV2Request.class, this::page);
  private final FakeBucket bucket = new FakeBucket();
  /** When set, the request with this number (1 for the first) fails with {@link #failure}. */
  private int failingCall;

  private SdkException failure;

  private ObjectLister lister(Submission submission) {
    return submission.create(ObjectLister.class, s3.client());
  }

  @Test
  @Points(3)
  @Checks({"10.1", "10.2", "10.6"})
  @DisplayName("all objects of three pages are returned, in order")
  void followsEveryPage(Submission submission) {
    // given: six objects, so three pages of two
    store("a/1.txt", "a/2.txt", "a/3.txt", "b/4.txt", "b/5.txt", "c/6.txt");

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, null);

    // then
    assertThat(keys(listed))
        .as("list should return the keys of all three pages of a bucket of six objects, in order;"
            + " returning only the first two means the NextContinuationToken was not followed,"
            + " and a request with a Delimiter gets the folders a/, b/ and c/ as CommonPrefixes"
            + " instead of the keys")
        .containsExactly("a/1.txt", "a/2.txt", "a/3.txt", "b/4.txt", "b/5.txt", "c/6.txt");
    assertThat(requests().size())
        .as("list should send one ListObjectsV2 request per page, three for three pages")
        .isEqualTo(3);
  }

  @Test
  @Points(2)
  @Checks({"10.6"})
  @DisplayName("each summary carries the object's key, size and last-modified time")
  void summariesCarryKeySizeAndTime(Submission submission) {
    // given
    Instant early = Instant.parse("2023-11-02T08:00:00Z");
    Instant late = Instant.parse("2024-06-30T23:59:59.250Z");
    bucket.put(object("docs/big.bin", 5_368_709_120L, early));
    bucket.put(object("docs/empty.txt", 0L, late));
    bucket.put(object("docs/note.md", 731L, early));
    bucket.put(object("docs/old/draft.md", 12L, early));

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, "docs/");

    // then
    assertThat(listed)
        .as("list should return the key, size in bytes and LastModified of every object under docs/, the one in"
            + " the sub-folder docs/old/ included: the contract lists every key that starts with"
            + " the prefix, and a request with a Delimiter would get docs/old/ as a CommonPrefix"
            + " instead of its objects")
        .containsExactly(
            new ObjectSummary("docs/big.bin", 5_368_709_120L, early),
            new ObjectSummary("docs/empty.txt", 0L, late),
            new ObjectSummary("docs/note.md", 731L, early),
            new ObjectSummary("docs/old/draft.md", 12L, early));
  }

  @Test
  @Points(2)
  @Checks({"10.3"})
  @DisplayName("the bucket and the prefix are sent on every page request")
  void prefixOnEveryRequest(Submission submission) {
    // given: five objects under logs/ and one under logs/archive/ (three pages) among others
    store("images/cat.png", "images/dog.png", "logs/01.log", "logs/02.log", "logs/03.log",
        "logs/04.log", "logs/05.log", "logs/archive/00.log", "logs2024/old.log", "zeta.txt");

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, "logs/");

    // then
    assertThat(requests().stream().map(ListObjectsV2Request::prefix).toList())
        .as("list(bucket, \"logs/\") should send the Prefix logs/ in every ListObjectsV2"
            + " request, not only the first")
        .containsOnly("logs/");
    assertThat(requests().stream().map(ListObjectsV2Request::bucket).toList())
        .as("every ListObjectsV2 request should name the bucket given to list")
        .containsOnly(BUCKET);
    assertThat(keys(listed))
        .as("keys returned for list(bucket, \"logs/\"), which must include the key in the"
            + " sub-folder logs/archive/ (a Delimiter would roll it into CommonPrefixes)")
        .containsExactly("logs/01.log", "logs/02.log", "logs/03.log", "logs/04.log",
            "logs/05.log", "logs/archive/00.log");
    assertThat(requests().size())
        .as("list should send one ListObjectsV2 request per page, three for six objects under logs/ (pages of two)")
        .isEqualTo(3);
  }

  @Test
  @Points(2)
  @Checks({"10.5"})
  @DisplayName("the prefix is a plain string match sent as given: \"logs\" lists logs2024/ too, and accents count")
  void prefixIsAPlainStringMatch(Submission submission) {
    // given
    store("logs/01.log", "logs2024/old.log", "logsheet.csv", "rapports/été/a.pdf",
        "rapports/ete/b.pdf", "zeta.txt");
    ObjectLister lister = lister(submission);

    // when / then: no slash is added and the accented prefix is sent as it is
    assertListed(lister, "logs", "logs/01.log", "logs2024/old.log", "logsheet.csv");
    assertListed(lister, "rapports/été", "rapports/été/a.pdf");
  }

  @Test
  @Points(1)
  @Checks({"10.2", "10.6"})
  @DisplayName("a listing of 41 objects reads all 21 pages, however many pages there are")
  void readsManyPages(Submission submission) {
    // given: pages of two, so 21 pages, one key per sub-folder as a date-partitioned export has
    List<String> stored = new ArrayList<>();
    for (int i = 0; i < 41; i++) {
      stored.add(String.format("data/day=%03d/part-0.csv", i));
    }
    store(stored.toArray(String[]::new));

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, "data/");

    // then
    assertThat(keys(listed))
        .withFailMessage(
            "list(bucket, \"data/\") of 41 objects should return all of them, following every"
                + " NextContinuationToken until a page is not truncated (no cap on the number of"
                + " pages), but it returned %d after %d ListObjectsV2 request(s).",
            listed.size(), requests().size())
        .isEqualTo(stored);
  }

  @Test
  @Points(1)
  @Checks({"10.4"})
  @DisplayName("a null or empty prefix lists every object of the bucket")
  void noPrefixListsEverything(Submission submission) {
    // given
    store("a.txt", "b/c.txt", "d/e/f.txt");
    ObjectLister lister = lister(submission);

    // when
    List<ObjectSummary> withNull = lister.list(BUCKET, null);
    List<ObjectSummary> withEmpty = lister.list(BUCKET, "");

    // then
    assertThat(keys(withNull)).as("list(bucket, null) should return every key of the"
            + " bucket, those in sub-folders too")
        .containsExactly("a.txt", "b/c.txt", "d/e/f.txt");
    assertThat(keys(withEmpty)).as("list(bucket, \"\") should return every key of the bucket, those in sub-folders too")
        .containsExactly("a.txt", "b/c.txt", "d/e/f.txt");
  }

  @Test
  @Points(1)
  @Checks({"10.7"})
  @DisplayName("an empty bucket gives an empty list")
  void emptyBucketGivesEmptyList(Submission submission) {
    // given: no objects at all

    // when
    List<ObjectSummary> listed = lister(submission).list(BUCKET, "anything/");

    // then
    assertThat(listed).as("list of an empty bucket should return an empty list, never null").isNotNull().isEmpty();
    assertThat(requests().size())
        .as("list of an empty bucket should send exactly one ListObjectsV2 request")
        .isEqualTo(1);
  }

  @Test
  @Points(1)
  @Checks({"10.8"})
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
  @Checks({"10.8"})
  @DisplayName("a failure on a later page propagates instead of a partial list")
  void laterPageFailurePropagates(Submission submission) {
    // given: the second page cannot be fetched (the keys sit in a folder, as most keys do)
    store("logs/1", "logs/2", "logs/3", "logs/4", "logs/5");
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
  @Checks({"10.9"})
  @DisplayName("a null or blank bucket name is rejected before anything reaches S3")
  void blankBucketIsRejected(Submission submission) {
    // given
    ObjectLister lister = lister(submission);

    // when / then
    for (String name : new String[] {null, "", "   "}) {
      Throwable thrown = thrownBy(() -> lister.list(name, "x/"));
      assertThat(thrown)
          .withFailMessage(
              "list(%s, \"x/\") should throw an IllegalArgumentException, but %s",
              name == null ? "null" : "\"" + name + "\"",
              outcome(thrown))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(s3.requests())
        .as("calls to S3 for a null or blank bucket name (there should be none)")
        .isEmpty();
  }

  // ---------------------------------------------------------------- the fake bucket

  private ListObjectsV2Response page(ListObjectsV2Request request) {
    if (requests().size() == failingCall) {
      throw failure;
    }
    if (!BUCKET.equals(request.bucket())) {
      failure =
          serviceError(
              NoSuchBucketException.builder(),
              "S3",
              404,
              "NoSuchBucket",
              "The specified bucket does not exist");
      throw failure;
    }
    return bucket.list(request);
  }

  private void assertListed(ObjectLister lister, String prefix, String... expected) {
    int before = requests().size();
    List<String> listed = keys(lister.list(BUCKET, prefix));
    List<String> sent =
        requests().subList(before, requests().size()).stream()
            .map(ListObjectsV2Request::prefix)
            .toList();
    assertThat(listed)
        .withFailMessage(
            "list(bucket, \"%s\") should return every key that starts with exactly \"%s\" (a"
                + " plain string match, not a folder: no \"/\" added), %s, but"
                + " it returned %s after sending the Prefix values %s.",
            prefix, prefix, List.of(expected), listed, sent)
        .containsExactly(expected);
  }

  private List<ListObjectsV2Request> requests() {
    return s3.requests(ListObjectsV2Request.class);
  }

  private void store(String... keys) {
    Instant time = Instant.parse("2024-01-15T10:00:00Z");
    Stream.of(keys).forEach(key -> bucket.put(object(key, key.length() * 100L, time)));
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
