package dev.awskit.exercises.q03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.Implementations;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatchers;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;

class S3BucketCreatorTest {

  private final S3Client s3 = mock(S3Client.class);
  private final ArgumentCaptor<CreateBucketRequest> sent =
      ArgumentCaptor.forClass(CreateBucketRequest.class);
  private final CreateBucketResponse created =
      CreateBucketResponse.builder().location("http://reports-2024.s3.amazonaws.com/").build();

  @BeforeEach
  void s3CreatesBuckets() {
    // Whichever way you call createBucket (request object or Consumer of a builder), the call
    // ends in the request-object method stubbed here, as it does in the real client.
    doCallRealMethod().when(s3).createBucket(ArgumentMatchers.<Consumer<CreateBucketRequest.Builder>>any());
    when(s3.createBucket(sent.capture())).thenReturn(created);
  }

  @Test
  @DisplayName("a bucket outside us-east-1 is created with that region as location constraint")
  void sendsTheRegionAsLocationConstraint() {
    // given
    BucketCreator creator = Implementations.create(BucketCreator.class, s3);

    // when
    creator.createBucket("reports-2024", "eu-west-1");

    // then
    CreateBucketRequest request = sent.getValue();
    assertThat(request.bucket()).as("the bucket name sent").isEqualTo("reports-2024");
    assertThat(request.createBucketConfiguration()).as("the bucket configuration").isNotNull();
    assertThat(request.createBucketConfiguration().locationConstraintAsString())
        .as("the location constraint")
        .isEqualTo("eu-west-1");
  }

  @Test
  @DisplayName("the response of CreateBucket is returned")
  void returnsTheResponse() {
    // given
    BucketCreator creator = Implementations.create(BucketCreator.class, s3);

    // when
    CreateBucketResponse response = creator.createBucket("reports-2024", "eu-west-1");

    // then
    assertThat(response).as("the response returned").isEqualTo(created);
  }
}
