// Variant: the region compared with Region.US_EAST_1 and sent as the SDK's BucketLocationConstraint enum.
package dev.awskit.solutions.q03;

import dev.awskit.exercises.q03.BucketCreationException;
import dev.awskit.exercises.q03.BucketCreator;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

public class S3BucketCreator implements BucketCreator {

  private final S3Client s3;

  /** Creates the bucket creator around the given client. */
  public S3BucketCreator(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public CreateBucketResponse createBucket(String bucketName, String region) {
    requireText(bucketName, "bucket name");
    requireText(region, "region");
    CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucketName);
    if (!Region.US_EAST_1.id().equals(region)) {
      request.createBucketConfiguration(
          configuration -> configuration.locationConstraint(BucketLocationConstraint.fromValue(region)));
    }
    try {
      return s3.createBucket(request.build());
    } catch (S3Exception refused) {
      AwsErrorDetails details = refused.awsErrorDetails();
      String errorCode = details == null ? null : details.errorCode();
      throw new BucketCreationException(
          "S3 refused to create bucket " + bucketName + " in " + region + ": " + errorCode,
          errorCode,
          refused);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + name + " must not be null or blank");
    }
  }
}
