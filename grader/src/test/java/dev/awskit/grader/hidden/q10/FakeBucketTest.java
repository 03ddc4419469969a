package dev.awskit.grader.hidden.q10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The q10 bucket double answers ListObjectsV2 as S3 does. */
class FakeBucketTest {

  private final FakeBucket bucket = new FakeBucket();

  FakeBucketTest() {
    for (String key : List.of("a.txt", "b/1", "b/2", "b/3", "c/x/1", "d.txt", "e/1")) {
      bucket.put(S3Object.builder().key(key).size(1L).build());
    }
  }

  @Test
  void delimiterRollsSubFoldersIntoCommonPrefixesAcrossPages() {
    List<String> listed = new ArrayList<>();
    String token = null;
    ListObjectsV2Response page;
    do {
      page = bucket.list(ListObjectsV2Request.builder().bucket("b").delimiter("/")
          .continuationToken(token).build());
      page.contents().forEach(object -> listed.add(object.key()));
      page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(listed::add);
      assertThat(page.keyCount()).isLessThanOrEqualTo(FakeBucket.PAGE_SIZE);
      assertThat(page.nextContinuationToken() != null).isEqualTo(page.isTruncated());
      token = page.nextContinuationToken();
    } while (page.isTruncated());
    assertThat(listed).containsExactlyInAnyOrder("a.txt", "b/", "c/", "d.txt", "e/");
  }

  @Test
  void prefixStartAfterAndMaxKeys() {
    ListObjectsV2Response page = bucket.list(ListObjectsV2Request.builder().bucket("b")
        .prefix("b/").startAfter("b/1").maxKeys(1).build());
    assertThat(page.contents()).extracting(S3Object::key).containsExactly("b/2");
    assertThat(page.isTruncated()).isTrue();
    ListObjectsV2Response empty =
        bucket.list(ListObjectsV2Request.builder().bucket("b").maxKeys(0).build());
    assertThat(empty.contents()).isEmpty();
    assertThat(empty.isTruncated()).isFalse();
  }

  @Test
  void refusesMadeUpTokensAndNegativeMaxKeys() {
    S3Exception token = catchThrowableOfType(S3Exception.class, () -> bucket.list(
        ListObjectsV2Request.builder().bucket("b").continuationToken("b/1").build()));
    assertThat(token.statusCode()).isEqualTo(400);
    assertThat(token.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    S3Exception maxKeys = catchThrowableOfType(S3Exception.class, () -> bucket.list(
        ListObjectsV2Request.builder().bucket("b").maxKeys(-1).build()));
    assertThat(maxKeys.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
  }
}
