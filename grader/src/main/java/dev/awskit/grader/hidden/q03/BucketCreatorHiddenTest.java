package dev.awskit.grader.hidden.q03;

import static dev.awskit.grader.hidden.Thrown.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;

import dev.awskit.exercises.q03.BucketCreationException;
import dev.awskit.exercises.q03.BucketCreator;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

@QuestionTests(3)
class BucketCreatorHiddenTest {

  @Test
  @Points(3)
  @DisplayName("in us-east-1 the bucket is created without a location constraint")
  void usEast1SendsNoLocationConstraint(Submission submission) {
    FakeS3 s3 = FakeS3.creating();

    submission.create(BucketCreator.class, s3.client).createBucket("logs-east", "us-east-1");

    CreateBucketRequest request = s3.onlyRequest();
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
  @DisplayName("in eu-west-1 the bucket is created with LocationConstraint eu-west-1")
  void euWest1SendsItsLocationConstraint(Submission submission) {
    assertLocationConstraintSent(submission, "logs-ireland", "eu-west-1");
  }

  @Test
  @Points(1)
  @DisplayName("in ap-south-1 the bucket is created with LocationConstraint ap-south-1")
  void apSouth1SendsItsLocationConstraint(Submission submission) {
    assertLocationConstraintSent(submission, "logs-mumbai", "ap-south-1");
  }

  @Test
  @Points(1)
  @DisplayName("the CreateBucket response is returned to the caller")
  void returnsTheResponse(Submission submission) {
    FakeS3 s3 = FakeS3.creating();

    CreateBucketResponse response =
        submission.create(BucketCreator.class, s3.client).createBucket("logs-ireland", "eu-west-1");

    assertThat(response)
        .withFailMessage(
            "createBucket should return the response S3 sent back (%s), but returned %s.",
            s3.response, response)
        .isEqualTo(s3.response);
  }

  @Test
  @Points(2)
  @DisplayName("an S3 refusal is thrown as BucketCreationException with the AWS error code")
  void refusalBecomesBucketCreationExceptionWithItsErrorCode(Submission submission) {
    S3Exception taken =
        (S3Exception)
            BucketAlreadyExistsException.builder()
                .statusCode(409)
                .message("The requested bucket name is not available.")
                .awsErrorDetails(errorDetails("BucketAlreadyExists"))
                .build();
    FakeS3 s3 = FakeS3.failingWith(taken);

    Throwable thrown = thrownByCreateBucket(submission, s3);

    assertThat(thrown)
        .withFailMessage(
            "When S3 refuses the bucket (BucketAlreadyExists), createBucket should throw a"
                + " BucketCreationException, but it %s.",
            describe(thrown))
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
  @DisplayName("the BucketCreationException keeps the S3Exception as its cause")
  void keepsTheS3ExceptionAsCause(Submission submission) {
    S3Exception denied =
        (S3Exception)
            S3Exception.builder()
                .statusCode(403)
                .message("Access Denied")
                .awsErrorDetails(errorDetails("AccessDenied"))
                .build();
    FakeS3 s3 = FakeS3.failingWith(denied);

    Throwable thrown = thrownByCreateBucket(submission, s3);

    assertThat(thrown)
        .withFailMessage(
            "When S3 answers AccessDenied, createBucket should throw a BucketCreationException,"
                + " but it %s.",
            describe(thrown))
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
  @DisplayName("an S3Exception without error details becomes a BucketCreationException with no error code")
  void refusalWithoutErrorDetailsHasNoErrorCode(Submission submission) {
    S3Exception bare =
        (S3Exception) S3Exception.builder().statusCode(500).message("Internal Error").build();
    FakeS3 s3 = FakeS3.failingWith(bare);

    Throwable thrown = thrownByCreateBucket(submission, s3);

    assertThat(thrown)
        .withFailMessage(
            "When S3 refuses with an S3Exception that carries no error details"
                + " (awsErrorDetails() is null), createBucket should still throw a"
                + " BucketCreationException, but it %s.",
            describe(thrown))
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
  @DisplayName("a failure to reach S3 (SdkClientException) is not swallowed")
  void clientFailureIsNotSwallowed(Submission submission) {
    FakeS3 s3 =
        FakeS3.failingWith(SdkClientException.create("Unable to execute HTTP request: timed out"));

    Throwable thrown = thrownByCreateBucket(submission, s3);

    assertThat(thrown)
        .withFailMessage(
            "When S3 cannot be reached the SDK throws SdkClientException; createBucket should"
                + " let it propagate (or wrap it in BucketCreationException), but it returned"
                + " normally.")
        .isNotNull();
  }

  @Test
  @Points(2)
  @DisplayName("a null or blank bucket name is refused with IllegalArgumentException before S3 is called")
  void blankBucketNameNeverReachesS3(Submission submission) {
    for (String name : Arrays.asList(null, "", "   ")) {
      assertRefusedBeforeS3(submission, name, "eu-west-1", "bucket name");
    }
  }

  @Test
  @Points(1)
  @DisplayName("a null or blank region is refused with IllegalArgumentException before S3 is called")
  void blankRegionNeverReachesS3(Submission submission) {
    for (String region : Arrays.asList(null, "", " \t")) {
      assertRefusedBeforeS3(submission, "logs-ireland", region, "region");
    }
  }

  private static void assertLocationConstraintSent(
      Submission submission, String bucket, String region) {
    FakeS3 s3 = FakeS3.creating();

    submission.create(BucketCreator.class, s3.client).createBucket(bucket, region);

    CreateBucketRequest request = s3.onlyRequest();
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
    FakeS3 s3 = FakeS3.creating();

    Throwable thrown =
        thrownBy(() -> submission.create(BucketCreator.class, s3.client).createBucket(bucket, region));

    String shown = bucket == null || region == null ? "null" : "a blank";
    boolean nullPointerForNull =
        thrown instanceof NullPointerException && (bucket == null || region == null);
    assertThat(thrown instanceof IllegalArgumentException || nullPointerForNull)
        .withFailMessage(
            "createBucket with %s %s should throw IllegalArgumentException, but it %s.",
            shown, what, describe(thrown))
        .isTrue();
    assertThat(s3.requests)
        .withFailMessage(
            "createBucket with %s %s must not send a request to S3, but it sent %s.",
            shown, what, s3.requests)
        .isEmpty();
  }

  /** Returns what {@code createBucket("logs", "eu-west-1")} threw against {@code s3}, or null. */
  private static Throwable thrownByCreateBucket(Submission submission, FakeS3 s3) {
    return thrownBy(
        () -> submission.create(BucketCreator.class, s3.client).createBucket("logs", "eu-west-1"));
  }

  private static AwsErrorDetails errorDetails(String code) {
    return AwsErrorDetails.builder()
        .errorCode(code)
        .errorMessage(code)
        .serviceName("S3")
        .build();
  }

  private static String describe(Throwable thrown) {
    return thrown == null
        ? "returned normally"
        : "threw " + thrown.getClass().getSimpleName() + " (" + thrown.getMessage() + ")";
  }

  /** Stands in for S3: records every CreateBucket request, however the client was called. */
  private static final class FakeS3 {

    final S3Client client = mock(S3Client.class);
    final List<CreateBucketRequest> requests = new ArrayList<>();
    final CreateBucketResponse response =
        CreateBucketResponse.builder().location("/created-by-the-grader").build();

    private FakeS3(RuntimeException failure) {
      doAnswer(
              invocation -> {
                requests.add(invocation.getArgument(0));
                if (failure != null) {
                  throw failure;
                }
                return response;
              })
          .when(client)
          .createBucket(any(CreateBucketRequest.class));
      // The Consumer<Builder> overload is a default method that builds the request and calls
      // the overload above, exactly as in the real client.
      doCallRealMethod()
          .when(client)
          .createBucket(ArgumentMatchers.<Consumer<CreateBucketRequest.Builder>>any());
    }

    static FakeS3 creating() {
      return new FakeS3(null);
    }

    static FakeS3 failingWith(RuntimeException failure) {
      return new FakeS3(failure);
    }

    CreateBucketRequest onlyRequest() {
      assertThat(requests)
          .withFailMessage(
              "createBucket should send exactly one CreateBucket request, but sent %d.",
              requests.size())
          .hasSize(1);
      return requests.get(0);
    }
  }
}
