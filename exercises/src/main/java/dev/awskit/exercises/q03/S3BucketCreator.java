package dev.awskit.exercises.q03;

import dev.awskit.exercises.NotImplementedYet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;

/** Creates S3 buckets in a chosen region. Complete this class. */
public class S3BucketCreator implements BucketCreator {

  private final S3Client s3;

  /** Creates the bucket creator around the given client. */
  public S3BucketCreator(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public CreateBucketResponse createBucket(String bucketName, String region) {
    throw new NotImplementedYet(3);
  }
}
