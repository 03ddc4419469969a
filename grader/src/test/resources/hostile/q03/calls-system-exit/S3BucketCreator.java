// Hostile: ends the JVM with System.exit on every call.
package dev.awskit.solutions.q03;

import dev.awskit.exercises.q03.BucketCreator;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;

/** Gives up on everything, the hard way. */
public class S3BucketCreator implements BucketCreator {

  private final S3Client s3;

  /** Creates the bucket creator. */
  public S3BucketCreator(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public CreateBucketResponse createBucket(String bucketName, String region) {
    System.exit(42);
    return null;
  }
}
