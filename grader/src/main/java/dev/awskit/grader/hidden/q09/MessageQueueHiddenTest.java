package dev.awskit.grader.hidden.q09;

import static dev.awskit.grader.hidden.ServiceErrors.sqsError;
import static dev.awskit.grader.hidden.Thrown.expectIllegalArgument;
import static dev.awskit.grader.hidden.Thrown.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.awskit.exercises.q09.BatchResult;
import dev.awskit.exercises.q09.MessageQueue;
import dev.awskit.exercises.q09.ReceivedMessage;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.doubles.SqsDouble;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Hidden tests of question 9: the SQS manager, its batching, its limits and its failures.
 *
 * <p>The SQS double checks each request as SQS does ({@link SqsRules}): a batch of more than 10
 * entries, with repeated or invalid entry ids, or a receive outside SQS's limits fails with the
 * exception the SDK raises, so code whose requests SQS would refuse sends no message here either.
 */
@QuestionTests(9)
@DisplayName("Question 9: SQS message queue")
class MessageQueueHiddenTest {

  private static final String QUEUE_URL =
      "https://sqs.us-east-1.amazonaws.com/123456789012/grading-queue";

  /** What SQS allows as a batch entry id. */
  private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  /** More requests than any test here needs: a batching loop that never ends is cut short. */
  private static final int MAX_REQUESTS = 100;

  private final SqsDouble sqs =
      new SqsDouble(
          MAX_REQUESTS,
          "Your code sent more than " + MAX_REQUESTS + " requests to SQS for a few dozen messages:"
              + " does the chunking loop move on?",
          "SendMessage, SendMessageBatch, ReceiveMessage and DeleteMessage");
  private Function<SendMessageBatchRequest, SendMessageBatchResponse> batchOutcome =
      MessageQueueHiddenTest::everyEntrySucceeds;
  private ReceiveMessageResponse receiveOutcome = ReceiveMessageResponse.builder().build();

  @BeforeEach
  void answerAsSqsDoes() {
    sqs.on(
            SendMessageRequest.class,
            request -> {
              SqsRules.checkSend(request);
              return SendMessageResponse.builder().messageId("mid-" + sends().size()).build();
            })
        .on(
            SendMessageBatchRequest.class,
            request -> {
              SqsRules.checkSendBatch(request);
              return batchOutcome.apply(request);
            })
        .on(
            ReceiveMessageRequest.class,
            request -> {
              SqsRules.checkReceive(request);
              return receiveOutcome;
            })
        .on(DeleteMessageRequest.class, request -> DeleteMessageResponse.builder().build());
  }

  private List<SendMessageRequest> sends() {
    return sqs.requests(SendMessageRequest.class);
  }

  private List<SendMessageBatchRequest> batches() {
    return sqs.requests(SendMessageBatchRequest.class);
  }

  private List<ReceiveMessageRequest> receives() {
    return sqs.requests(ReceiveMessageRequest.class);
  }

  private List<DeleteMessageRequest> deletes() {
    return sqs.requests(DeleteMessageRequest.class);
  }

  private MessageQueue queue(Submission submission) {
    return submission.create(MessageQueue.class, sqs.client(), QUEUE_URL);
  }

  @Test
  @Points(2)
  @Checks({"9.4", "9.5", "9.6"})
  @DisplayName("send passes the queue URL, the body and the attributes and returns the message id")
  void sendReturnsTheMessageId(Submission submission) {
    // when
    Optional<String> messageId =
        queue(submission).send("order 7 paid", Map.of("priority", "high", "origin", "shop"));

    // then
    assertThat(messageId)
        .as("send should return the MessageId from the SendMessage response")
        .contains("mid-1");
    assertThat(sends().size())
        .as("one send should make exactly one SendMessage request")
        .isEqualTo(1);
    SendMessageRequest request = sends().get(0);
    assertThat(request.queueUrl()).as("send should address the SendMessage request to the queue URL given to the constructor").isEqualTo(QUEUE_URL);
    assertThat(request.messageBody())
        .as("send should send the body it was given as the MessageBody")
        .isEqualTo("order 7 paid");
    assertThat(request.messageAttributes().keySet())
        .as("the SendMessage request should carry one message attribute per map entry")
        .containsExactlyInAnyOrder("priority", "origin");
    MessageAttributeValue priority = request.messageAttributes().get("priority");
    assertThat(priority.dataType())
        .as("send should send each map entry as a message attribute of DataType String")
        .isEqualTo("String");
    assertThat(priority.stringValue())
        .as("send should send each map entry's value as the attribute's StringValue")
        .isEqualTo("high");
  }

  @Test
  @Points(2)
  @Checks({"9.2", "9.6"})
  @DisplayName("send returns an empty Optional, not an exception, when SQS fails")
  void sendReturnsEmptyOnFailure(Submission submission) {
    // given
    MessageQueue queue = queue(submission);
    sqs.on(SendMessageRequest.class, throwingInTurn(sqsFailure("AWS.SimpleQueueService.NonExistentQueue"), SdkClientException.create("Unable to execute HTTP request")));

    // when
    Optional<String> serviceFailure =
        returnsWithoutThrowing("send when SQS answers with an SqsException",
            () -> queue.send("hello", null));
    Optional<String> clientFailure =
        returnsWithoutThrowing("send when SQS cannot be reached (SdkClientException)",
            () -> queue.send("hello", Map.of()));

    // then
    assertThat(serviceFailure)
        .as("send should return an empty Optional when SQS answers with an SqsException")
        .isEmpty();
    assertThat(clientFailure)
        .as("send should return an empty Optional when SQS cannot be reached")
        .isEmpty();
  }

  @Test
  @Points(3)
  @Checks({"9.8"})
  @DisplayName("a batch of 25 messages is sent as three requests of at most 10 entries")
  void batchOf25IsChunked(Submission submission) {
    // given
    List<String> bodies = bodies("order-", 25);

    // when
    BatchResult result = queue(submission).sendBatch(bodies);

    // then
    assertThat(batches().stream().map(request -> request.entries().size()).toList())
        .as("sendBatch of 25 bodies should send batches of 10, 10 and 5 entries (SQS takes at most 10 entries"
            + " per request, and the contract asks for as few requests as possible)")
        .containsExactly(10, 10, 5);
    assertThat(sentBodies())
        .as("every body should be sent exactly once, in list order")
        .containsExactlyElementsOf(bodies);
    assertThat(result)
        .as("sendBatch should count all 25 entries as successful when SQS accepts them all")
        .isEqualTo(new BatchResult(25, 0));
  }

  @Test
  @Points(2)
  @Checks({"9.9"})
  @DisplayName("batch entry ids are unique within each request and valid SQS ids")
  void batchEntryIdsAreUnique(Submission submission) {
    // given: the same body many times, and bodies that are no valid ids
    List<String> bodies = new ArrayList<>();
    IntStream.range(0, 12).forEach(i -> bodies.add("same body"));
    IntStream.range(0, 11).forEach(i -> bodies.add("{\"order\": " + i + "}"));

    // when
    queue(submission).sendBatch(bodies);

    // then
    assertThat(batches().size())
        .as("sendBatch of 23 bodies should send at least one SendMessageBatch request")
        .isPositive();
    for (int i = 0; i < batches().size(); i++) {
      List<String> ids = batches().get(i).entries().stream().map(SendMessageBatchRequestEntry::id)
          .toList();
      assertThat(new HashSet<>(ids).size())
          .withFailMessage("The entry ids of SendMessageBatch request %d must all be different"
              + " (SQS rejects the request with BatchEntryIdsNotDistinct otherwise), but were %s",
              i + 1, ids)
          .isEqualTo(ids.size());
      List<String> invalid =
          ids.stream().filter(id -> id == null || !ENTRY_ID.matcher(id).matches()).toList();
      assertThat(invalid)
          .withFailMessage("Each entry id must be 1 to 80 letters, digits, '-' or '_', but"
              + " request %d had the ids %s", i + 1, invalid)
          .isEmpty();
    }
  }

  @Test
  @Points(3)
  @Checks({"9.10"})
  @DisplayName("entries that SQS lists under Failed are counted as failed")
  void failedEntriesAreCounted(Submission submission) {
    // given: SQS refuses every entry whose body starts with "bad"
    batchOutcome = MessageQueueHiddenTest::entriesStartingWithBadFail;
    List<String> bodies = new ArrayList<>(bodies("good-", 9));
    bodies.add(2, "bad-1");
    bodies.add(6, "bad-2");
    bodies.add(11, "bad-3");

    // when
    BatchResult result = queue(submission).sendBatch(bodies);

    // then
    assertThat(result)
        .as("sendBatch of 12 bodies should count the 3 entries SQS reports under Failed (without throwing) as failed")
        .isEqualTo(new BatchResult(9, 3));
  }

  @Test
  @Points(2)
  @Checks({"9.2", "9.11"})
  @DisplayName("a request that fails as a whole counts all its entries as failed and the rest is"
      + " still sent")
  void wholeRequestFailureCountsAllItsEntries(Submission submission) {
    // given: the second request fails with an exception
    batchOutcome =
        request -> {
          if (batches().size() == 2) {
            throw sqsFailure("AWS.SimpleQueueService.BatchRequestTooLong");
          }
          return everyEntrySucceeds(request);
        };

    // when
    BatchResult result =
        returnsWithoutThrowing("sendBatch when one of its requests fails with an SqsException",
            () -> queue(submission).sendBatch(bodies("m-", 25)));

    // then
    assertThat(batches().size())
        .as("sendBatch of 25 bodies should send all three SendMessageBatch requests even when"
            + " the second one fails")
        .isEqualTo(3);
    assertThat(result)
        .as("sendBatch of 25 bodies should count the 10 entries of the request that threw an SqsException as failed and go on with the rest")
        .isEqualTo(new BatchResult(15, 10));
  }

  @Test
  @Points(2)
  @Checks({"9.8"})
  @DisplayName("batches of exactly 10 or 20 messages send full requests only, never an empty one")
  void multiplesOfTenSendNoEmptyRequest(Submission submission) {
    // given
    MessageQueue queue = queue(submission);

    // when
    BatchResult ten = queue.sendBatch(bodies("ten-", 10));
    List<Integer> tenSizes = batches().stream().map(request -> request.entries().size()).toList();
    BatchResult twenty = queue.sendBatch(bodies("twenty-", 20));
    List<Integer> allSizes = batches().stream().map(request -> request.entries().size()).toList();

    // then
    assertThat(allSizes)
        .withFailMessage(
            "sendBatch of 10 bodies and then of 20 bodies should send requests of 10, then of 10"
                + " and 10 entries (as few requests as possible; SQS refuses an empty batch), but"
                + " the requests held %s and then %s entries.",
            tenSizes, allSizes.subList(tenSizes.size(), allSizes.size()))
        .containsExactly(10, 10, 10);
    assertThat(List.of(ten, twenty))
        .withFailMessage(
            "sendBatch of 10 and of 20 bodies that SQS all accepts should count (10, 0) and"
                + " (20, 0), but counted %s and %s.",
            ten, twenty)
        .containsExactly(new BatchResult(10, 0), new BatchResult(20, 0));
  }

  @Test
  @Points(1)
  @Checks({"9.12"})
  @DisplayName("an empty batch sends nothing and counts nothing")
  void emptyBatchSendsNothing(Submission submission) {
    // when
    BatchResult result = queue(submission).sendBatch(List.of());

    // then
    assertThat(result).as("sendBatch(List.of()) should count nothing").isEqualTo(new BatchResult(0, 0));
    assertThat(sqs.requests())
        .as("sendBatch(List.of()) should not call SQS at all (SQS rejects an empty batch)")
        .isEmpty();
  }

  @Test
  @Points(2)
  @Checks({"9.14", "9.16"})
  @DisplayName("receive sends the limits and the queue URL and returns the messages")
  void receiveReturnsTheMessages(Submission submission) {
    // given
    receiveOutcome =
        ReceiveMessageResponse.builder()
            .messages(
                Message.builder().messageId("m-1").receiptHandle("rh-1").body("first").build(),
                Message.builder().messageId("m-2").receiptHandle("rh-2").body("second").build())
            .build();

    // when
    List<ReceivedMessage> messages = queue(submission).receive(10, 20);

    // then
    assertThat(receives().size())
        .as("one receive should make exactly one ReceiveMessage request")
        .isEqualTo(1);
    ReceiveMessageRequest request = receives().get(0);
    assertThat(request.queueUrl()).as("receive should address the ReceiveMessage request to the queue URL given to the constructor")
        .isEqualTo(QUEUE_URL);
    assertThat(request.maxNumberOfMessages())
        .as("receive(10, 20) should ask SQS for at most 10 messages (MaxNumberOfMessages)")
        .isEqualTo(10);
    assertThat(request.waitTimeSeconds())
        .as("receive(10, 20) should long-poll for 20 seconds (WaitTimeSeconds)")
        .isEqualTo(20);
    assertThat(messages)
        .as("receive should return every message SQS returned, in its order, with its id, receipt handle and body")
        .extracting(ReceivedMessage::messageId, ReceivedMessage::receiptHandle,
            ReceivedMessage::body)
        .containsExactly(
            tuple("m-1", "rh-1", "first"),
            tuple("m-2", "rh-2", "second"));
  }

  @Test
  @Points(1)
  @Checks({"9.15", "9.16"})
  @DisplayName("receive asks for all message attributes and returns their string values")
  void receiveReturnsTheAttributes(Submission submission) {
    // given
    receiveOutcome =
        ReceiveMessageResponse.builder()
            .messages(
                Message.builder()
                    .messageId("m-1")
                    .receiptHandle("rh-1")
                    .body("with attributes")
                    .messageAttributes(
                        Map.of(
                            "priority",
                            MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("high")
                                .build()))
                    .build())
            .build();

    // when
    List<ReceivedMessage> messages = queue(submission).receive(1, 0);

    // then
    assertThat(receives().size())
        .as("one receive should make exactly one ReceiveMessage request")
        .isEqualTo(1);
    assertThat(receives().get(0).messageAttributeNames())
        .as("receive should ask for the message attributes with MessageAttributeNames \"All\": SQS returns message attributes"
            + " only when asked, with \"All\"")
        .containsAnyOf("All", ".*");
    assertThat(messages).as("receive should return the one message SQS returned").hasSize(1);
    assertThat(messages.get(0).attributes())
        .as("receive should return the message's String attributes by name")
        .isEqualTo(Map.of("priority", "high"));
  }

  @Test
  @Points(1)
  @Checks({"9.16"})
  @DisplayName("receive keeps String and Number attributes and leaves out Binary ones")
  void receiveLeavesOutBinaryAttributes(Submission submission) {
    // given
    receiveOutcome =
        ReceiveMessageResponse.builder()
            .messages(
                Message.builder()
                    .messageId("m-1")
                    .receiptHandle("rh-1")
                    .body("mixed attributes")
                    .messageAttributes(
                        Map.of(
                            "priority",
                            MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("high")
                                .build(),
                            "attempt",
                            MessageAttributeValue.builder()
                                .dataType("Number")
                                .stringValue("3")
                                .build(),
                            "thumbnail",
                            MessageAttributeValue.builder()
                                .dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {(byte) 0x89, 'P'}))
                                .build()))
                    .build())
            .build();

    // when
    List<ReceivedMessage> messages =
        returnsWithoutThrowing("receive of a message with a Binary attribute",
            () -> queue(submission).receive(1, 0));

    // then
    assertThat(messages).as("receive should return the one message SQS returned").hasSize(1);
    assertThat(messages.get(0).attributes())
        .as("receive should return the String and Number attributes of a message with the String attribute priority=high, the Number"
            + " attribute attempt=3 and a Binary attribute thumbnail (a Binary attribute has no"
            + " StringValue, so it is left out)")
        .isEqualTo(Map.of("priority", "high", "attempt", "3"));
  }

  @Test
  @Points(3)
  @Checks({"9.3", "9.18"})
  @DisplayName("receive rejects out-of-range arguments before anything reaches SQS")
  void receiveRejectsOutOfRangeArguments(Submission submission) {
    // given
    MessageQueue queue = queue(submission);

    // when / then
    int[][] outOfRange = {{0, 0}, {11, 0}, {-1, 5}, {1, -1}, {1, 21}, {5, 60}};
    for (int[] arguments : outOfRange) {
      String call = "receive(" + arguments[0] + ", " + arguments[1] + ")";
      expectIllegalArgument(call, () -> queue.receive(arguments[0], arguments[1]));
    }
    assertThat(sqs.requests())
        .as("no out-of-range receive may reach SQS (maxNumberOfMessages must be 1..10,"
            + " waitTimeSeconds 0..20), but these calls did")
        .isEmpty();
    queue.receive(1, 0);
    assertThat(receives().size())
        .as("receive(1, 0), which is within range, should make one ReceiveMessage request")
        .isEqualTo(1);
  }

  @Test
  @Points(1)
  @Checks({"9.14"})
  @DisplayName("receive with waitTimeSeconds 0 sends WaitTimeSeconds 0 (short polling), not the queue's default")
  void receiveSendsAZeroWaitTime(Submission submission) {
    // given
    MessageQueue queue = queue(submission);

    // when
    queue.receive(3, 0);

    // then
    assertThat(receives())
        .withFailMessage(
            "receive(3, 0) should send one ReceiveMessage request, but sent %s.",
            sqs.describeOperations())
        .hasSize(1);
    ReceiveMessageRequest request = receives().get(0);
    assertThat(Arrays.asList(request.maxNumberOfMessages(), request.waitTimeSeconds()))
        .withFailMessage(
            "receive(3, 0) should send MaxNumberOfMessages 3 and WaitTimeSeconds 0 as given"
                + " (without WaitTimeSeconds the queue's own default wait, up to 20 s, applies),"
                + " but sent MaxNumberOfMessages %s and WaitTimeSeconds %s.",
            request.maxNumberOfMessages(), request.waitTimeSeconds())
        .containsExactly(3, 0);
  }

  @Test
  @Points(2)
  @Checks({"9.14", "9.16"})
  @DisplayName("receive only receives: it deletes nothing, since the caller deletes a message once processed")
  void receiveDeletesNothing(Submission submission) {
    // given
    receiveOutcome =
        ReceiveMessageResponse.builder()
            .messages(
                Message.builder().messageId("m-1").receiptHandle("rh-1").body("first").build(),
                Message.builder().messageId("m-2").receiptHandle("rh-2").body("second").build())
            .build();

    // when
    List<ReceivedMessage> messages = queue(submission).receive(2, 5);

    // then
    assertThat(messages)
        .withFailMessage(
            "receive(2, 5) should return the 2 messages SQS returned, but returned %s.", messages)
        .hasSize(2);
    assertThat(sqs.describeOperations())
        .withFailMessage(
            "receive(2, 5) should send one ReceiveMessage request and nothing else: a message is"
                + " deleted only when the caller calls delete(receiptHandle) after processing it,"
                + " or it would be lost if processing fails; SQS received %s.",
            sqs.describeOperations())
        .isEqualTo("ReceiveMessage");
  }

  @Test
  @Points(1)
  @Checks({"9.2", "9.17"})
  @DisplayName("receive returns an empty list, not an exception, when SQS fails")
  void receiveReturnsEmptyOnFailure(Submission submission) {
    // given
    MessageQueue queue = queue(submission);
    sqs.on(ReceiveMessageRequest.class, throwingInTurn(sqsFailure("AWS.SimpleQueueService.NonExistentQueue")));

    // when
    List<ReceivedMessage> messages =
        returnsWithoutThrowing("receive when SQS answers with an SqsException",
            () -> queue.receive(5, 0));

    // then
    assertThat(messages).as("receive should return an empty list when SQS fails").isEmpty();
  }

  @Test
  @Points(1)
  @Checks({"9.17"})
  @DisplayName("receive returns an empty list, not null, when the queue has no message")
  void receiveOfAnEmptyQueueGivesAnEmptyList(Submission submission) {
    // given
    MessageQueue queue = queue(submission);
    receiveOutcome = ReceiveMessageResponse.builder().build();

    // when
    List<ReceivedMessage> messages =
        returnsWithoutThrowing("receive when the queue has no message", () -> queue.receive(5, 1));

    // then
    assertThat(messages)
        .as("receive should return an empty list when SQS answers without any message")
        .isEmpty();
  }

  @Test
  @Points(1)
  @Checks({"9.2", "9.19"})
  @DisplayName("delete sends the receipt handle and tells success from failure")
  void deleteUsesTheReceiptHandle(Submission submission) {
    // given
    MessageQueue queue = queue(submission);

    // when
    boolean deleted = queue.delete("rh-123");

    // then
    assertThat(deleted).as("delete should return true when SQS deletes the message").isTrue();
    assertThat(deletes().size())
        .as("one delete should make exactly one DeleteMessage request")
        .isEqualTo(1);
    assertThat(deletes().get(0).queueUrl()).as("delete should address the DeleteMessage request to the queue URL given to the constructor")
        .isEqualTo(QUEUE_URL);
    assertThat(deletes().get(0).receiptHandle())
        .as("delete should send the receipt handle it was given")
        .isEqualTo("rh-123");

    // and when SQS fails
    sqs.on(DeleteMessageRequest.class, throwingInTurn(sqsFailure("ReceiptHandleIsInvalid")));
    boolean failed =
        returnsWithoutThrowing("delete when SQS answers with an SqsException",
            () -> queue.delete("rh-stale"));
    assertThat(failed).as("delete should return false when SQS fails").isFalse();
  }

  @Test
  @Points(1)
  @Checks({"9.1"})
  @DisplayName("every request carries the queue URL")
  void everyRequestCarriesTheQueueUrl(Submission submission) {
    // given
    MessageQueue queue = queue(submission);

    // when
    queue.send("one", null);
    queue.sendBatch(bodies("b-", 3));
    queue.receive(3, 1);
    queue.delete("rh-1");

    // then
    List<String> urls = new ArrayList<>();
    sends().forEach(request -> urls.add(request.queueUrl()));
    batches().forEach(request -> urls.add(request.queueUrl()));
    receives().forEach(request -> urls.add(request.queueUrl()));
    deletes().forEach(request -> urls.add(request.queueUrl()));
    assertThat(urls)
        .as("every request to SQS (send, sendBatch, receive, delete) should carry the queue URL given to the constructor")
        .hasSize(4)
        .containsOnly(QUEUE_URL);
  }

  @Test
  @Points(1)
  @Checks({"9.3", "9.7", "9.13", "9.20"})
  @DisplayName("bad arguments to send, sendBatch and delete are rejected before anything reaches"
      + " SQS")
  void badArgumentsAreRejected(Submission submission) {
    // given
    MessageQueue queue = queue(submission);
    List<String> withNull = new ArrayList<>(List.of("fine", "also fine"));
    withNull.add(null);

    // when / then
    expectIllegalArgument("send(null, null)", () -> queue.send(null, null));
    expectIllegalArgument("send(\"\", null)", () -> queue.send("", null));
    expectIllegalArgument("sendBatch(null)", () -> queue.sendBatch(null));
    expectIllegalArgument("sendBatch of a list holding null", () -> queue.sendBatch(withNull));
    expectIllegalArgument("delete(null)", () -> queue.delete(null));
    expectIllegalArgument("delete(\" \")", () -> queue.delete(" "));
    assertThat(sqs.requests())
        .as("calls with bad arguments must not reach SQS, but these did")
        .isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> bodies(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
  }

  private List<String> sentBodies() {
    return batches().stream()
        .flatMap(request -> request.entries().stream())
        .map(SendMessageBatchRequestEntry::messageBody)
        .toList();
  }

  private static SendMessageBatchResponse everyEntrySucceeds(SendMessageBatchRequest request) {
    return SendMessageBatchResponse.builder()
        .successful(
            request.entries().stream()
                .map(entry -> SendMessageBatchResultEntry.builder().id(entry.id())
                    .messageId("mid-" + entry.id()).build())
                .toList())
        .failed(List.of())
        .build();
  }

  private static SendMessageBatchResponse entriesStartingWithBadFail(
      SendMessageBatchRequest request) {
    List<SendMessageBatchResultEntry> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (SendMessageBatchRequestEntry entry : request.entries()) {
      if (entry.messageBody() != null && entry.messageBody().startsWith("bad")) {
        failed.add(BatchResultErrorEntry.builder().id(entry.id()).senderFault(true)
            .code("InvalidMessageContents").message("refused").build());
      } else {
        successful.add(SendMessageBatchResultEntry.builder().id(entry.id())
            .messageId("mid-" + entry.id()).build());
      }
    }
    return SendMessageBatchResponse.builder().successful(successful).failed(failed).build();
  }

  private static SqsException sqsFailure(String errorCode) {
    return sqsError(errorCode, "simulated SQS failure " + errorCode);
  }

  /** Returns a handler that throws the failures one call after the other, then the last again. */
  private static <R> Function<R, Object> throwingInTurn(RuntimeException... failures) {
    AtomicInteger calls = new AtomicInteger();
    return request -> {
      throw failures[Math.min(calls.getAndIncrement(), failures.length - 1)];
    };
  }

  private static <T> T returnsWithoutThrowing(String what, Supplier<T> call) {
    return resultOf(what, "the contract says it reports failures in what it returns.", call);
  }
}
