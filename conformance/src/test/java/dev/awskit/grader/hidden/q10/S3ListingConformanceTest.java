package dev.awskit.grader.hidden.q10;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.conformance.ConformanceReport;
import dev.awskit.conformance.Engines;
import dev.awskit.conformance.S3Proxy;
import dev.awskit.conformance.Scenario;
import dev.awskit.conformance.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Replays the listings of question 10 (hidden tests, faulty and variant cases) against S3Proxy
 * and against {@link FakeBucket}, the grader's bucket double, over the same keys, and requires
 * the same verdict and the same pages (keys, common prefixes, truncation). The double's pages
 * hold {@value FakeBucket#PAGE_SIZE} keys, so the engine is asked for that many per page.
 */
@ExtendWith(Engines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ListingConformanceTest {

  private static final String BUCKET = "conformance-q10";
  private static final List<String> KEYS =
      List.of("other/x.txt", "reports-old/z.txt", "reports/2024/feb.csv", "reports/2024/jan.csv",
          "reports/a.txt", "reports/b.txt", "reports/c.txt", "reports/d/e.txt", "zeta/last.txt");
  /** More pages than any listing here has: a listing that never ends is cut short. */
  private static final int MAX_PAGES = 12;

  private static final String TOKEN_RULE =
      "[ListObjectsV2, ContinuationToken](https://docs.aws.amazon.com/AmazonS3/latest/API/"
          + "API_ListObjectsV2.html): an obfuscated token S3 issued, not a key; S3 answers another"
          + " with 400 InvalidArgument";

  private final ConformanceReport report = new ConformanceReport("s3-listing");
  private S3Client s3;

  /**
   * One listing: its first request, and how the lister forms the next request from the first
   * one and the last response (null to stop).
   */
  record Listing(
      String name,
      String source,
      ListObjectsV2Request first,
      BiFunction<ListObjectsV2Request, ListObjectsV2Response, ListObjectsV2Request> next,
      String awsSource) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  void fillBucket(S3Proxy s3Proxy) {
    s3 = s3Proxy.client();
    s3.createBucket(b -> b.bucket(BUCKET));
    for (String key : KEYS) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("content of " + key));
    }
  }

  @AfterAll
  void writeReport() throws Exception {
    report.checkOrWrite();
    if (s3 != null) {
      s3.close();
    }
  }

  static List<Listing> listings() {
    return List.of(
        new Listing("prefix, every page by NextContinuationToken", "reference; hidden q10",
            request(b -> b.prefix("reports/")), S3ListingConformanceTest::byToken, null),
        new Listing("no prefix, every page", "hidden q10 (null prefix)",
            request(b -> b), S3ListingConformanceTest::byToken, null),
        new Listing("prefix and Delimiter /", "faulty q10/sends-delimiter",
            request(b -> b.prefix("reports/").delimiter("/")),
            S3ListingConformanceTest::byToken, null),
        new Listing("prefix and StartAfter, then tokens",
            "variant q10/manual-pagination-with-start-after",
            request(b -> b.prefix("reports/").startAfter("reports/2024/jan.csv")),
            S3ListingConformanceTest::byToken, null),
        new Listing("StartAfter again on every page (the last key)",
            "variant q10/manual-pagination-with-start-after",
            request(b -> b.prefix("reports/")),
            (first, last) -> last.isTruncated()
                ? first.toBuilder().startAfter(lastKey(last)).build() : null, null),
        new Listing("first page only", "faulty q10/first-page-only",
            request(b -> b.prefix("reports/")), (first, last) -> null, null),
        new Listing("the last key sent as ContinuationToken",
            "faulty q10/last-key-as-continuation-token",
            request(b -> b.prefix("reports/")),
            (first, last) -> last.isTruncated()
                ? first.toBuilder().continuationToken(lastKey(last)).build() : null, TOKEN_RULE),
        new Listing("prefix dropped after the first page", "faulty q10/prefix-lost-on-later-pages",
            request(b -> b.prefix("reports/")),
            (first, last) -> last.isTruncated()
                ? ListObjectsV2Request.builder().bucket(BUCKET).maxKeys(FakeBucket.PAGE_SIZE)
                    .continuationToken(last.nextContinuationToken()).build()
                : null, null),
        new Listing("MaxKeys 0", "hidden q10 (MaxKeys)",
            request(b -> b.prefix("reports/").maxKeys(0)), S3ListingConformanceTest::byToken,
            null),
        new Listing("MaxKeys -1", "hidden q10 (MaxKeys)",
            request(b -> b.prefix("reports/").maxKeys(-1)), S3ListingConformanceTest::byToken,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listings")
  void engineAndDoubleListTheSamePages(Listing listing) throws Exception {
    // given
    FakeBucket bucket = new FakeBucket();
    for (String key : KEYS) {
      bucket.put(S3Object.builder().key(key).size((long) ("content of " + key).length()).build());
    }

    // when
    Verdict engine = Verdict.ofResult(() -> walk(listing, s3::listObjectsV2), false);
    Verdict ours = Verdict.ofResult(() -> walk(listing, bucket::list), false);

    // then
    Scenario scenario =
        new Scenario(listing.name(), listing.source(), engine, ours, listing.awsSource());
    report.add(scenario);
    assertThat(scenario.holds())
        .as("%s: S3Proxy %s, double %s", listing.name(), engine, ours)
        .isTrue();
  }

  /** Lists page after page as the listing does, and describes the pages. */
  private static String walk(
      Listing listing, Function<ListObjectsV2Request, ListObjectsV2Response> service) {
    List<String> pages = new ArrayList<>();
    ListObjectsV2Request request = listing.first();
    while (request != null && pages.size() < MAX_PAGES) {
      ListObjectsV2Response response = service.apply(request);
      pages.add(describe(response));
      request = listing.next().apply(listing.first(), response);
    }
    return String.join(" ", pages);
  }

  /** Describes a page: its keys and sizes, its common prefixes, "more" if it is truncated. */
  private static String describe(ListObjectsV2Response page) {
    List<String> entries = new ArrayList<>();
    for (S3Object object : page.contents()) {
      entries.add(object.key() + "(" + object.size() + ")");
    }
    for (CommonPrefix prefix : page.commonPrefixes()) {
      entries.add(prefix.prefix() + "*");
    }
    return "[" + String.join(" ", entries) + (page.isTruncated() ? " more" : "") + "]";
  }

  private static ListObjectsV2Request request(
      Function<ListObjectsV2Request.Builder, ListObjectsV2Request.Builder> shape) {
    ListObjectsV2Request.Builder builder =
        ListObjectsV2Request.builder().bucket(BUCKET).maxKeys(FakeBucket.PAGE_SIZE);
    return shape.apply(builder).build();
  }

  private static ListObjectsV2Request byToken(
      ListObjectsV2Request first, ListObjectsV2Response last) {
    return last.isTruncated()
        ? first.toBuilder().continuationToken(last.nextContinuationToken()).build()
        : null;
  }

  private static String lastKey(ListObjectsV2Response page) {
    return page.contents().get(page.contents().size() - 1).key();
  }
}
