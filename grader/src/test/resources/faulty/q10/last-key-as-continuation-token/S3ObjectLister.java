// Mistake: a hand-written loop that sends the last key it listed as ContinuationToken; S3 only
// takes the tokens it issued and refuses this one with 400 InvalidArgument.
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
    String token = null;
    do {
      ListObjectsV2Request.Builder request =
          ListObjectsV2Request.builder().bucket(bucket).prefix(effectivePrefix)
              .continuationToken(token);
      response = s3.listObjectsV2(request.build());
      for (S3Object object : response.contents()) {
        all.add(new ObjectSummary(object.key(), object.size(), object.lastModified()));
      }
      // Mistake: makes up its own token (the last key) instead of NextContinuationToken.
      token = all.isEmpty() ? null : all.get(all.size() - 1).key();
    } while (response.isTruncated());
    return all;
  }
}
