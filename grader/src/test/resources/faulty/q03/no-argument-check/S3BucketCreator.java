// Faulty: sends null or blank bucket names and regions to S3 instead of refusing them.
package dev.awskit.solutions.q03;

import dev.awskit.exercises.q03.BucketCreationException;
import dev.awskit.exercises.q03.BucketCreator;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

public class S3BucketCreator implements BucketCreator {

  private final S3Client s3;

  public S3BucketCreator(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public CreateBucketResponse createBucket(String bucketName, String region) {
    // no argument check
    CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucketName);
    if (!"us-east-1".equals(region)) {
      request.createBucketConfiguration(c -> c.locationConstraint(region));
    }
    try {
      return s3.createBucket(request.build());
    } catch (S3Exception refused) {
      throw new BucketCreationException("refused", refused.awsErrorDetails().errorCode(), refused);
    }
  }
}
