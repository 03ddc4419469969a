package dev.awskit.exercises.q12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.Implementations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** Sample tests of question 12: they show the normal path, not everything the grader checks. */
class S3EventProcessorTest {

  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:uploads";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-01T12:30:05Z"), ZoneOffset.UTC);

  private final List<PutItemRequest> puts = new ArrayList<>();
  private final List<PublishRequest> publishes = new ArrayList<>();
  private UploadEventHandler handler;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() {
    DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    SnsClient sns = mock(SnsClient.class);
    // Both request styles end in the request-object overloads answered here.
    when(dynamoDb.putItem(any(Consumer.class))).thenCallRealMethod();
    when(sns.publish(any(Consumer.class))).thenCallRealMethod();
    when(dynamoDb.putItem(any(PutItemRequest.class)))
        .thenAnswer(call -> {
          puts.add(call.getArgument(0));
          return PutItemResponse.builder().build();
        });
    when(sns.publish(any(PublishRequest.class)))
        .thenAnswer(call -> {
          publishes.add(call.getArgument(0));
          return PublishResponse.builder().messageId("n-1").build();
        });
    handler =
        Implementations.create(UploadEventHandler.class, dynamoDb, sns, "Uploads", TOPIC, CLOCK);
  }

  @Test
  void storesTheUploadAndPublishesOneNotification() {
    // given
    String event =
        """
        {"Records": [
          {"s3": {"bucket": {"name": "photos"},
                  "object": {"key": "2024/beach.jpg", "size": 2048}}}
        ]}
        """;

    // when
    ProcessingSummary summary = handler.process(event);

    // then
    assertThat(summary.status()).isEqualTo(ProcessingStatus.SUCCESS);
    assertThat(summary.objects())
        .containsExactly(new ProcessedObject("photos", "2024/beach.jpg", 2048));
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).tableName()).isEqualTo("Uploads");
    assertThat(puts.get(0).item().get("object_key").s()).isEqualTo("2024/beach.jpg");
    assertThat(puts.get(0).item().get("bucket").s()).isEqualTo("photos");
    assertThat(publishes).hasSize(1);
    assertThat(publishes.get(0).topicArn()).isEqualTo(TOPIC);
  }

  @Test
  void anEventThatIsNotJsonGivesAnErrorSummary() {
    // when
    ProcessingSummary summary = handler.process("this is not JSON");

    // then
    assertThat(summary.status()).isEqualTo(ProcessingStatus.ERROR);
    assertThat(summary.error()).isNotBlank();
    assertThat(puts).isEmpty();
    assertThat(publishes).isEmpty();
  }
}
