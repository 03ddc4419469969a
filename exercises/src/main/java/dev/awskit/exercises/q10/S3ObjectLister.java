package dev.awskit.exercises.q10;

import dev.awskit.exercises.NotImplementedYet;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/** Lists every object under a prefix, across all pages: complete this class (question 10). */
public class S3ObjectLister implements ObjectLister {

  private final S3Client s3;

  /** Creates a lister that talks to S3 through {@code s3}. */
  public S3ObjectLister(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public List<ObjectSummary> list(String bucket, String prefix) {
    throw new NotImplementedYet(10);
  }
}
