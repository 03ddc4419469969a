package dev.awskit.grader.hidden.q03;

import static dev.awskit.grader.hidden.ServiceErrors.s3Error;
import static dev.awskit.grader.hidden.ServiceErrors.serviceError;
import static dev.awskit.grader.hidden.Thrown.outcome;
import static dev.awskit.grader.hidden.Thrown.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q03.BucketCreationException;
import dev.awskit.exercises.q03.BucketCreator;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.doubles.S3Double;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

@QuestionTests(3)
class BucketCreatorHiddenTest {

  private static final CreateBucketResponse CREATED =
      CreateBucketResponse.builder().location("/created-by-the-grader").build();

  @Test
  @Points(3)
  @Checks({"3.1", "3.2"})
  @DisplayName("in us-east-1 the bucket is created without a location constraint")
  void usEast1SendsNoLocationConstraint(Submission submission) {
    // given
    S3Double s3 = creating();

    // when
    submission.create(BucketCreator.class, s3.client()).createBucket("logs-east", "us-east-1");

    // then
    CreateBucketRequest request = onlyRequest(s3);
    CreateBucketConfiguration configuration = request.createBucketConfiguration();
    assertThat(configuration == null ? null : configuration.locationConstraintAsString())
        .withFailMessage(
            "For us-east-1 the request must carry no CreateBucketConfiguration (S3 refuses"
                + " us-east-1 as a location constraint with InvalidLocationConstraint), but it"
                + " sent the location constraint \"%s\".",
            configuration == null ? null : configuration.locationConstraintAsString())
        .isNull();
    assertThat(request.bucket())
        .withFailMessage(
            "The request should name the bucket \"logs-east\", but named \"%s\".",
            request.bucket())
        .isEqualTo("logs-east");
  }

  @Test
  @Points(2)
  @Checks({"3.1", "3.3"})
  @DisplayName("in eu-west-1 the bucket is created with LocationConstraint eu-west-1")
  void euWest1SendsItsLocationConstraint(Submission submission) {
    // when / then
    assertLocationConstraintSent(submission, "logs-ireland", "eu-west-1");
  }

  @Test
  @Points(1)
  @Checks({"3.3"})
  @DisplayName("in ap-south-1 the bucket is created with LocationConstraint ap-south-1")
  void apSouth1SendsItsLocationConstraint(Submission submission) {
    // when / then
    assertLocationConstraintSent(submission, "logs-mumbai", "ap-south-1");
  }

  @Test
  @Points(1)
  @Checks({"3.2"})
  @DisplayName("in us-east-1 the request carries no CreateBucketConfiguration at all, not even an empty one")
  void usEast1SendsNoConfigurationAtAll(Submission submission) {
    // given
    S3Double s3 = creating();

    // when
    submission.create(BucketCreator.class, s3.client()).createBucket("logs-virginia", "us-east-1");

    // then
    CreateBucketConfiguration configuration = onlyRequest(s3).createBucketConfiguration();
    assertThat(configuration)
        .withFailMessage(
            "createBucket(\"logs-virginia\", \"us-east-1\") should send no"
                + " CreateBucketConfiguration at all, but it sent %s.",
            configuration)
        .isNull();
  }

  @Test
  @Points(2)
  @Checks({"3.3"})
  @DisplayName("every region other than us-east-1, in every region family, gets its LocationConstraint")
  void everyOtherRegionFamilySendsItsLocationConstraint(Submission submission) {
    // when / then: only us-east-1 is special, not the other US regions nor the isolated partitions
    for (String region :
        List.of("us-east-2", "us-west-2", "eu-central-1", "ca-central-1", "sa-east-1",
            "cn-north-1", "us-gov-west-1")) {
      assertLocationConstraintSent(submission, "logs-" + region, region);
    }
  }

  @Test
  @Points(1)
  @Checks({"3.4"})
  @DisplayName("the CreateBucket response is returned to the caller")
  void returnsTheResponse(Submission submission) {
    // given
    S3Double s3 = creating();

    // when
    CreateBucketResponse response =
        submission.create(BucketCreator.class, s3.client()).createBucket("logs-ireland", "eu-west-1");

    // then
    assertThat(response)
        .withFailMessage(
            "createBucket should return the response S3 sent back (%s), but returned %s.",
            CREATED, response)
        .isEqualTo(CREATED);
  }

  @Test
  @Points(2)
  @Checks({"3.5"})
  @DisplayName("an S3 refusal is thrown as BucketCreationException with the AWS error code")
  void refusalBecomesBucketCreationExceptionWithItsErrorCode(Submission submission) {
    // given
    S3Exception taken =
        (S3Exception)
            serviceError(
                BucketAlreadyExistsException.builder(),
                "S3",
                409,
                "BucketAlreadyExists",
                "The requested bucket name is not available.");
    S3Double s3 = failingWith(taken);

    // when
    Throwable thrown = thrownByCreateBucket(submission, s3);

    // then
    assertThat(thrown)
        .withFailMessage(
            "When S3 refuses the bucket (BucketAlreadyExists), createBucket should throw a"
                + " BucketCreationException, but %s.",
            outcome(thrown))
        .isInstanceOf(BucketCreationException.class);
    assertThat(((BucketCreationException) thrown).errorCode())
        .withFailMessage(
            "BucketCreationException.errorCode() should be S3's error code \"BucketAlreadyExists\""
                + " (awsErrorDetails().errorCode()), but was \"%s\".",
            ((BucketCreationException) thrown).errorCode())
        .isEqualTo("BucketAlreadyExists");
  }

  @Test
  @Points(1)
  @Checks({"3.6"})
  @DisplayName("the BucketCreationException keeps the S3Exception as its cause")
  void keepsTheS3ExceptionAsCause(Submission submission) {
    // given
    S3Exception denied = s3Error(403, "AccessDenied", "Access Denied");
    S3Double s3 = failingWith(denied);

    // when
    Throwable thrown = thrownByCreateBucket(submission, s3);

    // then
    assertThat(thrown)
        .withFailMessage(
            "When S3 answers AccessDenied, createBucket should throw a BucketCreationException,"
                + " but %s.",
            outcome(thrown))
        .isInstanceOf(BucketCreationException.class);
    assertThat(thrown.getCause())
        .withFailMessage(
            "The BucketCreationException should keep the S3Exception as its cause, but its cause"
                + " was %s.",
            thrown.getCause())
        .isSameAs(denied);
    assertThat(((BucketCreationException) thrown).errorCode())
        .withFailMessage(
            "BucketCreationException.errorCode() should be \"AccessDenied\", but was \"%s\".",
            ((BucketCreationException) thrown).errorCode())
        .isEqualTo("AccessDenied");
  }

  @Test
  @Points(1)
  @Checks({"3.5"})
  @DisplayName("an S3Exception without error details becomes a BucketCreationException with no error code")
  void refusalWithoutErrorDetailsHasNoErrorCode(Submission submission) {
    // given
    S3Exception bare =
        (S3Exception) S3Exception.builder().statusCode(500).message("Internal Error").build();
    S3Double s3 = failingWith(bare);

    // when
    Throwable thrown = thrownByCreateBucket(submission, s3);

    // then
    assertThat(thrown)
        .withFailMessage(
            "When S3 refuses with an S3Exception that carries no error details"
                + " (awsErrorDetails() is null), createBucket should still throw a"
                + " BucketCreationException, but %s.",
            outcome(thrown))
        .isInstanceOf(BucketCreationException.class);
    assertThat(thrown.getCause())
        .withFailMessage(
            "The BucketCreationException should keep the S3Exception as its cause, but its cause"
                + " was %s.",
            thrown.getCause())
        .isSameAs(bare);
    assertThat(((BucketCreationException) thrown).errorCode())
        .withFailMessage(
            "Without error details S3 sent no error code, so BucketCreationException.errorCode()"
                + " should be null, but was \"%s\".",
            ((BucketCreationException) thrown).errorCode())
        .isNull();
  }

  @Test
  @Points(1)
  @Checks({"3.7"})
  @DisplayName("a failure to reach S3 (SdkClientException) is not swallowed")
  void clientFailureIsNotSwallowed(Submission submission) {
    // given
    S3Double s3 =
        failingWith(SdkClientException.create("Unable to execute HTTP request: timed out"));

    // when
    Throwable thrown = thrownByCreateBucket(submission, s3);

    // then
    assertThat(thrown)
        .withFailMessage(
            "When S3 cannot be reached the SDK throws SdkClientException; createBucket should"
                + " let it propagate (or wrap it in BucketCreationException), but it returned"
                + " normally.")
        .isNotNull();
  }

  @Test
  @Points(2)
  @Checks({"3.8"})
  @DisplayName("a null or blank bucket name is refused with IllegalArgumentException before S3 is called")
  void blankBucketNameNeverReachesS3(Submission submission) {
    // when / then
    for (String name : Arrays.asList(null, "", "   ")) {
      assertRefusedBeforeS3(submission, name, "eu-west-1", "bucket name");
    }
  }

  @Test
  @Points(1)
  @Checks({"3.8"})
  @DisplayName("a null or blank region is refused with IllegalArgumentException before S3 is called")
  void blankRegionNeverReachesS3(Submission submission) {
    // when / then
    for (String region : Arrays.asList(null, "", " \t")) {
      assertRefusedBeforeS3(submission, "logs-ireland", region, "region");
    }
  }

  private static void assertLocationConstraintSent(
      Submission submission, String bucket, String region) {
    S3Double s3 = creating();

    submission.create(BucketCreator.class, s3.client()).createBucket(bucket, region);

    CreateBucketRequest request = onlyRequest(s3);
    assertThat(request.bucket())
        .withFailMessage(
            "The request should name the bucket \"%s\", but named \"%s\".", bucket, request.bucket())
        .isEqualTo(bucket);
    CreateBucketConfiguration configuration = request.createBucketConfiguration();
    assertThat(configuration == null ? null : configuration.locationConstraintAsString())
        .withFailMessage(
            "For %s the request should carry a CreateBucketConfiguration with LocationConstraint"
                + " \"%s\", but it carried %s.",
            region,
            region,
            configuration == null
                ? "no configuration"
                : "LocationConstraint \"" + configuration.locationConstraintAsString() + "\"")
        .isEqualTo(region);
  }

  private static void assertRefusedBeforeS3(
      Submission submission, String bucket, String region, String what) {
    S3Double s3 = creating();

    Throwable thrown =
        thrownBy(() -> submission.create(BucketCreator.class, s3.client()).createBucket(bucket, region));

    String shown = bucket == null || region == null ? "null" : "a blank";
    boolean nullPointerForNull =
        thrown instanceof NullPointerException && (bucket == null || region == null);
    assertThat(thrown instanceof IllegalArgumentException || nullPointerForNull)
        .withFailMessage(
            "createBucket with %s %s should throw IllegalArgumentException, but %s.",
            shown, what, outcome(thrown))
        .isTrue();
    assertThat(s3.requests())
        .withFailMessage(
            "createBucket with %s %s must not send a request to S3, but it sent %s.",
            shown, what, s3.describeOperations())
        .isEmpty();
  }

  /** Returns what {@code createBucket("logs", "eu-west-1")} threw against {@code s3}, or null. */
  private static Throwable thrownByCreateBucket(Submission submission, S3Double s3) {
    return thrownBy(
        () -> submission.create(BucketCreator.class, s3.client()).createBucket("logs", "eu-west-1"));
  }

  /** Returns an S3 double that creates every bucket it is asked for. */
  private static S3Double creating() {
    return new S3Double("one CreateBucket request").on(CreateBucketRequest.class, request -> CREATED);
  }

  /** Returns an S3 double whose every CreateBucket throws {@code failure}. */
  private static S3Double failingWith(RuntimeException failure) {
    return new S3Double("one CreateBucket request").failOn(CreateBucketRequest.class, failure);
  }

  /** Returns the one CreateBucket request the submission sent, or fails saying how many. */
  private static CreateBucketRequest onlyRequest(S3Double s3) {
    List<CreateBucketRequest> requests = s3.requests(CreateBucketRequest.class);
    assertThat(requests)
        .withFailMessage(
            "createBucket should send exactly one CreateBucket request, but sent %d.",
            requests.size())
        .hasSize(1);
    return requests.get(0);
  }
}
