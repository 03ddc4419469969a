package dev.awskit.grader.hidden.q05;

import static dev.awskit.grader.hidden.Thrown.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q05.PresignedOperation;
import dev.awskit.exercises.q05.UrlPresigner;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.doubles.S3PresignerDouble;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/** Hidden tests of question 5: presigned GET and PUT URLs with an injected S3Presigner. */
@QuestionTests(5)
public class UrlPresignerHiddenTest {

  private static final String BUCKET = "grader-course-bucket";
  private static final String KEY = "reports/2024/summary.csv";
  private static final Pattern EXPIRES = Pattern.compile("[?&]X-Amz-Expires=(\\d+)");

  private final S3PresignerDouble signing = S3PresignerDouble.signing();

  @AfterEach
  void closePresigner() {
    signing.close();
  }

  @Test
  @Points(3)
  @Checks({"5.1", "5.2", "5.5"})
  @DisplayName("GET presigns a GetObject request for the bucket and key and returns its URL")
  void getIsSignedAsGetObject(Submission submission) {
    // given
    UrlPresigner urls = submission.create(UrlPresigner.class, signing.presigner());

    // when
    Optional<String> url =
        call(
            "presign(bucket, key, GET, 900)",
            () -> urls.presign(BUCKET, KEY, PresignedOperation.GET, 900));

    // then
    List<GetObjectPresignRequest> gets = signing.getRequests();
    assertThat(gets)
        .withFailMessage(
            "presign(..., GET, ...) should call presignGetObject exactly once and nothing else;"
                + " the presigner received: %s",
            signing.describeRequests())
        .hasSize(1);
    assertThat(signing.putRequests())
        .withFailMessage(
            "A GET URL must not be signed with presignPutObject; the presigner received: %s",
            signing.describeRequests())
        .isEmpty();
    assertThat(gets.get(0).getObjectRequest().bucket())
        .as("The GetObjectRequest should name the bucket passed to presign")
        .isEqualTo(BUCKET);
    assertThat(gets.get(0).getObjectRequest().key())
        .as("The GetObjectRequest should name the key passed to presign")
        .isEqualTo(KEY);
    assertThat(url)
        .as("presign should return the URL of the presigned request (presigned.url().toString())")
        .isEqualTo(Optional.of(signing.urls().get(0)));
  }

  @Test
  @Points(3)
  @Checks({"5.3", "5.5"})
  @DisplayName("PUT presigns a PutObject request for the bucket and key and returns its URL")
  void putIsSignedAsPutObject(Submission submission) {
    // given
    UrlPresigner urls = submission.create(UrlPresigner.class, signing.presigner());

    // when
    Optional<String> url =
        call(
            "presign(bucket, key, PUT, 900)",
            () -> urls.presign(BUCKET, KEY, PresignedOperation.PUT, 900));

    // then
    List<PutObjectPresignRequest> puts = signing.putRequests();
    assertThat(puts)
        .withFailMessage(
            "presign(..., PUT, ...) should call presignPutObject exactly once and nothing else;"
                + " the presigner received: %s",
            signing.describeRequests())
        .hasSize(1);
    assertThat(signing.getRequests())
        .withFailMessage(
            "A PUT (upload) URL must not be signed with presignGetObject: it would only allow"
                + " downloads; the presigner received: %s",
            signing.describeRequests())
        .isEmpty();
    assertThat(puts.get(0).putObjectRequest().bucket())
        .as("The PutObjectRequest should name the bucket passed to presign")
        .isEqualTo(BUCKET);
    assertThat(puts.get(0).putObjectRequest().key())
        .as("The PutObjectRequest should name the key passed to presign")
        .isEqualTo(KEY);
    assertThat(url)
        .as("presign should return the URL of the presigned request (presigned.url().toString())")
        .isEqualTo(Optional.of(signing.urls().get(0)));
  }

  @Test
  @Points(2)
  @Checks({"5.4"})
  @DisplayName("The expiry in seconds becomes the signature duration (X-Amz-Expires) of the URL")
  void expiryIsTheSignatureDuration(Submission submission) {
    // given
    UrlPresigner urls = submission.create(UrlPresigner.class, signing.presigner());

    // when
    Optional<String> get =
        call(
            "presign(bucket, key, GET, 900)",
            () -> urls.presign(BUCKET, KEY, PresignedOperation.GET, 900));
    Optional<String> put =
        call(
            "presign(bucket, key, PUT, 120)",
            () -> urls.presign(BUCKET, KEY, PresignedOperation.PUT, 120));

    // then
    assertThat(signing.getRequests())
        .withFailMessage(
            "presign(..., GET, 900) should sign one GetObject request; the presigner received: %s",
            signing.describeRequests())
        .hasSize(1);
    Duration getDuration = signing.getRequests().get(0).signatureDuration();
    assertThat(getDuration)
        .withFailMessage(
            "presign(..., GET, 900) should set signatureDuration to 900 seconds; it was %s",
            getDuration == null ? "not set" : getDuration.toSeconds() + " seconds")
        .isEqualTo(Duration.ofSeconds(900));
    assertThat(signing.putRequests())
        .withFailMessage(
            "presign(..., PUT, 120) should sign one PutObject request; the presigner received: %s",
            signing.describeRequests())
        .hasSize(1);
    Duration putDuration = signing.putRequests().get(0).signatureDuration();
    assertThat(putDuration)
        .withFailMessage(
            "presign(..., PUT, 120) should set signatureDuration to 120 seconds; it was %s",
            putDuration == null ? "not set" : putDuration.toSeconds() + " seconds")
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(expiresOf(get)).as("The GET URL should carry X-Amz-Expires=900").isEqualTo("900");
    assertThat(expiresOf(put)).as("The PUT URL should carry X-Amz-Expires=120").isEqualTo("120");
  }

  @Test
  @Points(1)
  @Checks({"5.9"})
  @DisplayName("Without an expiry the URL lives one hour (3600 s)")
  void defaultExpiryIsOneHour(Submission submission) {
    // given
    UrlPresigner urls = submission.create(UrlPresigner.class, signing.presigner());

    // when
    Optional<String> get =
        call("presign(bucket, key, GET)", () -> urls.presign(BUCKET, KEY, PresignedOperation.GET));
    Optional<String> put =
        call("presign(bucket, key, PUT)", () -> urls.presign(BUCKET, KEY, PresignedOperation.PUT));

    // then
    assertThat(expiresOf(get))
        .as(
            "presign(bucket, key, GET) should give a GET URL valid for 3600 seconds; the presigner"
                + " received: %s",
            signing.describeRequests())
        .isEqualTo("3600");
    assertThat(expiresOf(put))
        .as(
            "presign(bucket, key, PUT) should give a PUT URL valid for 3600 seconds; the presigner"
                + " received: %s",
            signing.describeRequests())
        .isEqualTo("3600");
    assertThat(signing.getRequests())
        .withFailMessage(
            "presign(bucket, key, GET) should call presignGetObject once and"
                + " presign(bucket, key, PUT) presignPutObject once; the presigner received: %s",
            signing.describeRequests())
        .hasSize(1);
    assertThat(signing.putRequests())
        .withFailMessage(
            "presign(bucket, key, GET) should call presignGetObject once and"
                + " presign(bucket, key, PUT) presignPutObject once; the presigner received: %s",
            signing.describeRequests())
        .hasSize(1);
  }

  @Test
  @Points(1)
  @Checks({"5.7"})
  @DisplayName("An expiry of exactly 1 second or exactly 7 days (604800 s) is allowed")
  void expiryLimitsAreInclusive(Submission submission) {
    // given
    UrlPresigner urls = submission.create(UrlPresigner.class, signing.presigner());

    // when
    Optional<String> shortest =
        call(
            "presign(bucket, key, GET, 1)",
            () -> urls.presign(BUCKET, KEY, PresignedOperation.GET, 1));
    Optional<String> longest =
        call(
            "presign(bucket, key, PUT, 604800)",
            () -> urls.presign(BUCKET, KEY, PresignedOperation.PUT, 604_800));

    // then
    assertThat(expiresOf(shortest))
        .as(
            "An expiry of 1 second is the shortest allowed and should give a URL with"
                + " X-Amz-Expires=1")
        .isEqualTo("1");
    assertThat(expiresOf(longest))
        .as(
            "An expiry of 604800 seconds (7 days) is the longest allowed and should give a URL with"
                + " X-Amz-Expires=604800")
        .isEqualTo("604800");
  }

  @Test
  @Points(2)
  @Checks({"5.7"})
  @DisplayName("An expiry outside 1 s .. 7 days gives an empty Optional and is never signed")
  void expiryOutOfRangeGivesEmpty(Submission submission) {
    // given
    UrlPresigner urls = submission.create(UrlPresigner.class, signing.presigner());

    // when / then
    for (long expiry : new long[] {0, -60, 604_801, 30L * 24 * 3600, Long.MAX_VALUE}) {
      for (PresignedOperation operation : PresignedOperation.values()) {
        String described = "presign(bucket, key, " + operation + ", " + expiry + ")";
        Optional<String> url = call(described, () -> urls.presign(BUCKET, KEY, operation, expiry));

        assertThat(url)
            .as(
                "%s should return Optional.empty(): S3 accepts expiries from 1 s to 7 days only",
                described)
            .isEmpty();
        assertThat(signing.allRequests())
            .withFailMessage(
                "%s should not call the presigner at all (check the range first); it received: %s",
                described, signing.describeRequests())
            .isEmpty();
      }
    }
  }

  @Test
  @Points(2)
  @Checks({"5.8"})
  @DisplayName("A presigner failure gives an empty Optional; no exception escapes")
  void presignerFailureGivesEmpty(Submission submission) {
    // given
    List<RuntimeException> failures =
        List.of(
            SdkClientException.create("Unable to load credentials from any of the providers"),
            new IllegalArgumentException("The signer refused the request"));
    for (RuntimeException failure : failures) {
      for (PresignedOperation operation : PresignedOperation.values()) {
        S3PresignerDouble failing = S3PresignerDouble.failingWith(failure);
        UrlPresigner urls = submission.create(UrlPresigner.class, failing.presigner());
        String described = "presign(bucket, key, " + operation + ", 900)";

        // when / then
        Optional<String> url =
            call(
                described + " while the presigner throws " + failure.getClass().getSimpleName(),
                () -> urls.presign(BUCKET, KEY, operation, 900));

        assertThat(failing.allRequests())
            .withFailMessage("%s should ask the presigner for a URL", described)
            .isNotEmpty();
        assertThat(url)
            .as(
                "When the presigner throws %s, %s should return Optional.empty()",
                failure.getClass().getSimpleName(), described)
            .isEmpty();
      }
    }
  }

  @Test
  @Points(1)
  @Checks({"5.6"})
  @DisplayName("A blank bucket or key or a null operation gives an empty Optional, unsigned")
  void badArgumentsGiveEmpty(Submission submission) {
    // given
    UrlPresigner urls = submission.create(UrlPresigner.class, signing.presigner());
    record Arguments(String bucket, String key, PresignedOperation operation) {}
    List<Arguments> bad =
        List.of(
            new Arguments(null, KEY, PresignedOperation.GET),
            new Arguments(" ", KEY, PresignedOperation.GET),
            new Arguments(BUCKET, null, PresignedOperation.PUT),
            new Arguments(BUCKET, "", PresignedOperation.PUT),
            new Arguments(BUCKET, KEY, null));
    for (Arguments arguments : bad) {
      String described =
          "presign("
              + quoted(arguments.bucket())
              + ", "
              + quoted(arguments.key())
              + ", "
              + arguments.operation()
              + ", 900)";

      // when / then
      Optional<String> url =
          call(
              described,
              () -> urls.presign(arguments.bucket(), arguments.key(), arguments.operation(), 900));

      assertThat(url).as("%s should return Optional.empty()", described).isEmpty();
      assertThat(signing.allRequests())
          .withFailMessage(
              "%s should not call the presigner; it received: %s",
              described, signing.describeRequests())
          .isEmpty();
    }
  }

  @Test
  @Points(2)
  @Checks({"5.2", "5.3"})
  @DisplayName("The signed GetObject and PutObject requests carry the bucket and key only, whatever the key's characters")
  void signedRequestsCarryOnlyBucketAndKey(Submission submission) {
    // given: every other field would be signed into the URL and bind whoever uses it
    UrlPresigner urls = submission.create(UrlPresigner.class, signing.presigner());
    String key = "Rapports/Été 2024/résumé final+v2.CSV";

    // when
    for (PresignedOperation operation : PresignedOperation.values()) {
      call(
          "presign(bucket, key, " + operation + ", 900)",
          () -> urls.presign(BUCKET, key, operation, 900));
    }

    // then
    List<SdkRequest> signed = new ArrayList<>();
    signing.getRequests().forEach(get -> signed.add(get.getObjectRequest()));
    signing.putRequests().forEach(put -> signed.add(put.putObjectRequest()));
    assertThat(signed)
        .withFailMessage(
            "presign with GET and then with PUT should sign one GetObject and one PutObject"
                + " request; the presigner received: %s",
            signing.describeRequests())
        .hasSize(2);
    for (SdkRequest request : signed) {
      Map<String, Object> fields = setFields(request);
      assertThat(fields)
          .withFailMessage(
              "presign(\"%s\", \"%s\", ...) should sign a %s with exactly that bucket and key"
                  + " and no other parameter (each one is signed into the URL and binds whoever"
                  + " uses it), but it signed %s.",
              BUCKET, key, request.getClass().getSimpleName(), fields)
          .isEqualTo(Map.of("Bucket", BUCKET, "Key", key));
    }
  }

  /**
   * Returns the fields of {@code request} that hold a value, by their name in the S3 API; an
   * empty map (the SDK's placeholder for metadata nobody set) holds none.
   */
  private static Map<String, Object> setFields(SdkRequest request) {
    Map<String, Object> fields = new TreeMap<>();
    for (SdkField<?> field : request.sdkFields()) {
      Object value = field.getValueOrDefault(request);
      if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
        fields.put(field.memberName(), value);
      }
    }
    return fields;
  }

  /** Calls the submission and turns an escaping exception into a message for the student. */
  private static Optional<String> call(String described, Supplier<Optional<String>> presign) {
    return resultOf(
        described,
        "presign never throws or returns null; it returns an Optional, empty when no URL can be"
            + " made",
        presign);
  }

  private static String expiresOf(Optional<String> url) {
    if (url.isEmpty()) {
      return "(no URL: presign returned Optional.empty())";
    }
    Matcher expires = EXPIRES.matcher(url.get());
    return expires.find() ? expires.group(1) : "(no X-Amz-Expires in " + url.get() + ")";
  }

  private static String quoted(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }
}
