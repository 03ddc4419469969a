// Variant: the paginator built with a Consumer<Builder>, walked page by page with a for-each loop.
package dev.awskit.solutions.q10;

import dev.awskit.exercises.q10.ObjectLister;
import dev.awskit.exercises.q10.ObjectSummary;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.paginators.ListObjectsV2Iterable;

public class S3ObjectLister implements ObjectLister {

  private final S3Client s3;

  public S3ObjectLister(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public List<ObjectSummary> list(String bucket, String prefix) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must be given");
    }
    ListObjectsV2Iterable pages = s3.listObjectsV2Paginator(builder -> {
      builder.bucket(bucket).maxKeys(1000);
      if (prefix != null && !prefix.isBlank()) {
        builder.prefix(prefix);
      }
    });
    List<ObjectSummary> summaries = new ArrayList<>();
    for (ListObjectsV2Response page : pages) {
      for (S3Object object : page.contents()) {
        summaries.add(new ObjectSummary(object.key(), object.size(), object.lastModified()));
      }
    }
    return summaries;
  }
}
