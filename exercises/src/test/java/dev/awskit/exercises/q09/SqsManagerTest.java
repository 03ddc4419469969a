package dev.awskit.exercises.q09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.Implementations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** Sample tests of question 9: they show the normal path, not everything the grader checks. */
class SqsManagerTest {

  private static final String QUEUE_URL =
      "https://sqs.eu-west-1.amazonaws.com/123456789012/orders";

  private SqsClient sqs;
  private MessageQueue queue;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() {
    sqs = mock(SqsClient.class);
    // The Consumer<Builder> overloads are default methods that build the request and call the
    // overload stubbed below, so both ways of writing a request reach the same stub.
    when(sqs.sendMessage(any(Consumer.class))).thenCallRealMethod();
    when(sqs.receiveMessage(any(Consumer.class))).thenCallRealMethod();
    queue = Implementations.create(MessageQueue.class, sqs, QUEUE_URL);
  }

  @Test
  void sendReturnsTheMessageIdThatSqsAssigned() {
    // given
    ArgumentCaptor<SendMessageRequest> sent = ArgumentCaptor.forClass(SendMessageRequest.class);
    when(sqs.sendMessage(sent.capture()))
        .thenReturn(SendMessageResponse.builder().messageId("id-42").build());

    // when
    Optional<String> messageId = queue.send("order 42 shipped", Map.of("priority", "high"));

    // then
    assertThat(messageId).contains("id-42");
    assertThat(sent.getValue().queueUrl()).isEqualTo(QUEUE_URL);
    assertThat(sent.getValue().messageBody()).isEqualTo("order 42 shipped");
    assertThat(sent.getValue().messageAttributes().get("priority").stringValue())
        .isEqualTo("high");
  }

  @Test
  void receiveAsksForTheGivenNumberOfMessagesWithLongPolling() {
    // given
    ArgumentCaptor<ReceiveMessageRequest> asked =
        ArgumentCaptor.forClass(ReceiveMessageRequest.class);
    when(sqs.receiveMessage(asked.capture()))
        .thenReturn(
            ReceiveMessageResponse.builder()
                .messages(
                    Message.builder().messageId("m-1").receiptHandle("rh-1").body("hi").build())
                .build());

    // when
    List<ReceivedMessage> messages = queue.receive(5, 20);

    // then
    assertThat(messages)
        .containsExactly(new ReceivedMessage("m-1", "rh-1", "hi", Map.of()));
    assertThat(asked.getValue().queueUrl()).isEqualTo(QUEUE_URL);
    assertThat(asked.getValue().maxNumberOfMessages()).isEqualTo(5);
    assertThat(asked.getValue().waitTimeSeconds()).isEqualTo(20);
  }
}
