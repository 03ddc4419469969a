// Variant: a hand-written loop that asks for up to 1,000 keys a page and continues with
// StartAfter set to the last key listed, until IsTruncated is false.
package dev.awskit.solutions.q10;

import dev.awskit.exercises.q10.ObjectLister;
import dev.awskit.exercises.q10.ObjectSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reference solution of question 10: the SDK's paginator walks every page for us. */
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
    String effectivePrefix = prefix == null ? "" : prefix;
    List<ObjectSummary> all = new ArrayList<>();
    ListObjectsV2Response response;
    String startAfter = null;
    do {
      // StartAfter with the last key listed is as good as the continuation token here.
      response = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket)
          .prefix(effectivePrefix).maxKeys(1000).startAfter(startAfter).build());
      for (S3Object object : response.contents()) {
        all.add(new ObjectSummary(object.key(), object.size(), object.lastModified()));
        startAfter = object.key();
      }
    } while (response.isTruncated());
    return all;
  }
}
