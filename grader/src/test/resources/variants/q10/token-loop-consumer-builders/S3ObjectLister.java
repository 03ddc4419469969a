// Variant: a hand-written ContinuationToken loop with Consumer<Builder> requests, stopping on IsTruncated.
package dev.awskit.solutions.q10;

import dev.awskit.exercises.q10.ObjectLister;
import dev.awskit.exercises.q10.ObjectSummary;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

public class S3ObjectLister implements ObjectLister {

  private final S3Client s3;

  public S3ObjectLister(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public List<ObjectSummary> list(String bucket, String prefix) {
    if (bucket == null || bucket.trim().isEmpty()) {
      throw new IllegalArgumentException("bucket");
    }
    String effectivePrefix = prefix == null ? "" : prefix;
    List<ObjectSummary> all = new ArrayList<>();
    String token = null;
    ListObjectsV2Response response;
    do {
      String continuation = token;
      response = s3.listObjectsV2(b -> b.bucket(bucket).prefix(effectivePrefix)
          .continuationToken(continuation));
      for (S3Object o : response.contents()) {
        all.add(new ObjectSummary(o.key(), o.size(), o.lastModified()));
      }
      token = response.nextContinuationToken();
    } while (response.isTruncated());
    return all;
  }
}
