package dev.awskit.grader.hidden.q09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/** The q09 SQS double refuses what SQS refuses, with the SDK's exceptions. */
class SqsRulesTest {

  private static SendMessageBatchRequest batch(List<String> ids) {
    return SendMessageBatchRequest.builder().queueUrl("q").entries(ids.stream()
        .map(id -> SendMessageBatchRequestEntry.builder().id(id).messageBody("b").build())
        .toList()).build();
  }

  private static void refused(Runnable call, Class<?> type, String code) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(type);
    assertThat(((SqsException) thrown).statusCode()).isEqualTo(400);
    assertThat(((SqsException) thrown).awsErrorDetails().errorCode()).isEqualTo(code);
  }

  @Test
  void batchRules() {
    List<String> eleven = IntStream.range(0, 11).mapToObj(Integer::toString).toList();
    refused(() -> SqsRules.checkSendBatch(batch(eleven)),
        TooManyEntriesInBatchRequestException.class,
        "AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
    refused(() -> SqsRules.checkSendBatch(batch(List.of())), EmptyBatchRequestException.class,
        "AWS.SimpleQueueService.EmptyBatchRequest");
    refused(() -> SqsRules.checkSendBatch(batch(List.of("a", "a"))),
        BatchEntryIdsNotDistinctException.class, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
    refused(() -> SqsRules.checkSendBatch(batch(List.of("a b"))),
        InvalidBatchEntryIdException.class, "AWS.SimpleQueueService.InvalidBatchEntryId");
    assertThatCode(() -> SqsRules.checkSendBatch(batch(eleven.subList(0, 10))))
        .doesNotThrowAnyException();
  }

  @Test
  void receiveAndSizeRules() {
    refused(() -> SqsRules.checkReceive(ReceiveMessageRequest.builder().maxNumberOfMessages(11)
        .build()), SqsException.class, "InvalidParameterValue");
    refused(() -> SqsRules.checkReceive(ReceiveMessageRequest.builder().waitTimeSeconds(21)
        .build()), SqsException.class, "InvalidParameterValue");
    String big = "x".repeat(SqsRules.MAX_MESSAGE_BYTES + 1);
    refused(() -> SqsRules.checkSend(SendMessageRequest.builder().messageBody(big).build()),
        SqsException.class, "InvalidParameterValue");
    assertThatCode(() -> SqsRules.checkSend(SendMessageRequest.builder()
        .messageBody(big.substring(1)).build())).doesNotThrowAnyException();
  }
}
