// Faulty: reads at most ten pages, a cap meant to guard against an endless loop.
package dev.awskit.solutions.q10;

import dev.awskit.exercises.q10.ObjectLister;
import dev.awskit.exercises.q10.ObjectSummary;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

public class S3ObjectLister implements ObjectLister {

  private final S3Client s3;

  /**
   * Creates a lister that talks to S3 through {@code s3}.
   *
   * @throws NullPointerException if {@code s3} is {@code null}
   */
  public S3ObjectLister(S3Client s3) {
    this.s3 = Objects.requireNonNull(s3, "s3");
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
    // The paginator sends each page's NextContinuationToken as the next ContinuationToken, and
    // keeps Bucket and Prefix on every request; contents() flattens the pages lazily.
    // At most ten pages, so that a bad token can never loop forever.
    return s3.listObjectsV2Paginator(request.build()).stream()
        .limit(10)
        .flatMap(page -> page.contents().stream())
        .map(object -> new ObjectSummary(object.key(), object.size(), object.lastModified()))
        .toList();
  }
}
