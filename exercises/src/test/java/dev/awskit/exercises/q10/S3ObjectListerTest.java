package dev.awskit.exercises.q10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.Implementations;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Sample tests of question 10: they show the normal path, not everything the grader checks. */
class S3ObjectListerTest {

  private static final Instant MONDAY = Instant.parse("2024-03-04T09:15:30Z");

  private S3Client s3;
  private ObjectLister lister;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() {
    s3 = mock(S3Client.class);
    // The paginator and the Consumer<Builder> overloads are default methods of S3Client; letting
    // them run means that every style ends up in listObjectsV2(ListObjectsV2Request), stubbed
    // in each test.
    when(s3.listObjectsV2Paginator(any(ListObjectsV2Request.class))).thenCallRealMethod();
    when(s3.listObjectsV2Paginator(any(Consumer.class))).thenCallRealMethod();
    when(s3.listObjectsV2(any(Consumer.class))).thenCallRealMethod();
    lister = Implementations.create(ObjectLister.class, s3);
  }

  @Test
  void listsTheObjectsOfOnePageUnderThePrefix() {
    // given
    ArgumentCaptor<ListObjectsV2Request> asked =
        ArgumentCaptor.forClass(ListObjectsV2Request.class);
    when(s3.listObjectsV2(asked.capture()))
        .thenReturn(
            ListObjectsV2Response.builder()
                .isTruncated(false)
                .contents(
                    S3Object.builder().key("reports/jan.csv").size(120L).lastModified(MONDAY)
                        .build(),
                    S3Object.builder().key("reports/feb.csv").size(80L).lastModified(MONDAY)
                        .build())
                .build());

    // when
    List<ObjectSummary> objects = lister.list("company-data", "reports/");

    // then
    assertThat(objects)
        .containsExactly(
            new ObjectSummary("reports/jan.csv", 120L, MONDAY),
            new ObjectSummary("reports/feb.csv", 80L, MONDAY));
    assertThat(asked.getValue().bucket()).isEqualTo("company-data");
    assertThat(asked.getValue().prefix()).isEqualTo("reports/");
  }

  @Test
  void anEmptyBucketGivesAnEmptyList() {
    // given
    when(s3.listObjectsV2(any(ListObjectsV2Request.class)))
        .thenReturn(ListObjectsV2Response.builder().isTruncated(false).keyCount(0).build());

    // when
    List<ObjectSummary> objects = lister.list("empty-bucket", null);

    // then
    assertThat(objects).isEmpty();
  }
}
