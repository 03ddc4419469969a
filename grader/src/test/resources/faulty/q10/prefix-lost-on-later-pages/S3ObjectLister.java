// Mistake: a hand-written page loop that builds each follow-up request without the Prefix.
package dev.awskit.solutions.q10;

import dev.awskit.exercises.q10.ObjectLister;
import dev.awskit.exercises.q10.ObjectSummary;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

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
    List<ObjectSummary> result = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
    while (true) {
      ListObjectsV2Response response = s3.listObjectsV2(request);
      for (S3Object object : response.contents()) {
        result.add(new ObjectSummary(object.key(), object.size(), object.lastModified()));
      }
      if (!Boolean.TRUE.equals(response.isTruncated())) {
        return result;
      }
      request =
          ListObjectsV2Request.builder()
              .bucket(bucket)
              .continuationToken(response.nextContinuationToken())
              .build();
    }
  }
}
