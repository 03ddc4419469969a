// Mistake: reads only the first ListObjectsV2 page and ignores NextContinuationToken.
package dev.awskit.solutions.q10;

import dev.awskit.exercises.q10.ObjectLister;
import dev.awskit.exercises.q10.ObjectSummary;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

public class S3ObjectLister implements ObjectLister {

  private final S3Client s3;

  public S3ObjectLister(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public List<ObjectSummary> list(String bucket, String prefix) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("a bucket name is required");
    }
    ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
    if (prefix != null && !prefix.isEmpty()) {
      request.prefix(prefix);
    }
    return s3.listObjectsV2(request.build()).contents().stream()
        .map(object -> new ObjectSummary(object.key(), object.size(), object.lastModified()))
        .toList();
  }
}
