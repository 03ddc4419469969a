package dev.awskit.grader.hidden.q09;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.conformance.ConformanceReport;
import dev.awskit.conformance.ElasticMq;
import dev.awskit.conformance.Engines;
import dev.awskit.conformance.Scenario;
import dev.awskit.conformance.Verdict;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsRequest;

/**
 * Replays the SQS requests of question 9 (hidden tests, faulty and variant cases) against
 * ElasticMQ and against {@link SqsRules}, the rules of the grader's SQS double, and requires the
 * same verdict, or a difference the AWS documentation settles in the double's favour.
 */
@ExtendWith(Engines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsConformanceTest {

  private static final String BATCH_ID_RULE =
      "[SendMessageBatchRequestEntry, Id](https://docs.aws.amazon.com/AWSSimpleQueueService/"
          + "latest/APIReference/API_SendMessageBatchRequestEntry.html): up to 80 alphanumeric"
          + " characters, hyphens and underscores";

  private static final String COMMON_ERRORS =
      "[SQS common errors](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/"
          + "CommonErrors.html): InvalidParameterValue for an out-of-range value";

  private static final String EMPTY_BATCH =
      "[SendMessageBatch errors](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/"
          + "APIReference/API_SendMessageBatch.html): EmptyBatchRequest";

  private final ConformanceReport report = new ConformanceReport("sqs");
  private SqsClient sqs;
  private String queueUrl;

  /** One request shape: what it is, who sends it, the request, and a documented laxity. */
  record Shape(String name, String source, SqsRequest request, String awsSource) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  void createQueue(ElasticMq elasticMq) {
    sqs = elasticMq.client();
    queueUrl = sqs.createQueue(b -> b.queueName("conformance-q09")).queueUrl();
  }

  @AfterAll
  void writeReport() throws Exception {
    report.checkOrWrite();
    if (sqs != null) {
      sqs.close();
    }
  }

  static List<Shape> shapes() {
    String url = "queue-url";
    return List.of(
        new Shape("SendMessage, short body", "hidden q09 send tests",
            SendMessageRequest.builder().queueUrl(url).messageBody("hello").build(), null),
        new Shape("SendMessage, body of 300 KiB", "hidden q09 (message size)",
            SendMessageRequest.builder().queueUrl(url).messageBody("x".repeat(300 * 1024)).build(),
            null),
        new Shape("SendMessage, body of 1 MiB + 1 byte", "hidden q09 (message size)",
            SendMessageRequest.builder().queueUrl(url).messageBody("x".repeat(1_048_577)).build(),
            COMMON_ERRORS),
        new Shape("SendMessageBatch, 10 entries, ids 0..9", "reference; variants q09/*",
            batch(url, IntStream.range(0, 10).mapToObj(String::valueOf).toList()), null),
        new Shape("SendMessageBatch, 25 entries", "faulty q09/no-chunking",
            batch(url, IntStream.range(0, 25).mapToObj(String::valueOf).toList()), null),
        new Shape("SendMessageBatch, no entry", "hidden q09 (empty batch)",
            batch(url, List.of()), EMPTY_BATCH),
        new Shape("SendMessageBatch, the same id twice", "faulty q09/ids-from-bodies",
            batch(url, List.of("same", "same")), null),
        new Shape("SendMessageBatch, ids with spaces", "faulty q09/batch-ids-with-spaces",
            batch(url, List.of("message 1", "message 2")), BATCH_ID_RULE),
        new Shape("SendMessageBatch, an id of 81 characters", "hidden q09 (id rules)",
            batch(url, List.of("a".repeat(81))), BATCH_ID_RULE),
        new Shape("SendMessageBatch, UUID ids", "variant q09/uuid-ids-stream-chunks",
            batch(url, List.of("0f8fad5b-d9cb-469f-a165-70867728950e",
                "7c9e6679-7425-40de-944b-e07fc1f90ae7")), null),
        new Shape("ReceiveMessage, 10 messages, no wait", "reference",
            receive(url, 10, 0), null),
        new Shape("ReceiveMessage, 11 messages", "faulty q09/receive-range-unchecked",
            receive(url, 11, 0), COMMON_ERRORS),
        new Shape("ReceiveMessage, 0 messages", "faulty q09/receive-range-unchecked",
            receive(url, 0, 0), COMMON_ERRORS),
        new Shape("ReceiveMessage, wait 21 s", "faulty q09/receive-range-unchecked",
            receive(url, 1, 21), COMMON_ERRORS),
        new Shape("ReceiveMessage, wait -1 s", "hidden q09 (receive limits)",
            receive(url, 1, -1), COMMON_ERRORS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void engineAndDoubleGiveTheSameVerdict(Shape shape) throws Exception {
    // given
    SqsRequest toEngine = onQueue(shape.request());

    // when
    Verdict engine = Verdict.of(() -> send(toEngine));
    Verdict ours = Verdict.of(() -> check(shape.request()));

    // then
    Scenario scenario = new Scenario(shape.name(), shape.source(), engine, ours, shape.awsSource());
    report.add(scenario);
    assertThat(scenario.holds())
        .as("%s: ElasticMQ %s, double %s", shape.name(), engine, ours)
        .isTrue();
  }

  private SqsRequest onQueue(SqsRequest request) {
    if (request instanceof SendMessageRequest send) {
      return send.toBuilder().queueUrl(queueUrl).build();
    }
    if (request instanceof SendMessageBatchRequest batch) {
      return batch.toBuilder().queueUrl(queueUrl).build();
    }
    return ((ReceiveMessageRequest) request).toBuilder().queueUrl(queueUrl).build();
  }

  private void send(SqsRequest request) {
    if (request instanceof SendMessageRequest send) {
      sqs.sendMessage(send);
    } else if (request instanceof SendMessageBatchRequest batch) {
      sqs.sendMessageBatch(batch);
    } else {
      sqs.receiveMessage((ReceiveMessageRequest) request);
    }
  }

  private static void check(SqsRequest request) {
    if (request instanceof SendMessageRequest send) {
      SqsRules.checkSend(send);
    } else if (request instanceof SendMessageBatchRequest batch) {
      SqsRules.checkSendBatch(batch);
    } else {
      SqsRules.checkReceive((ReceiveMessageRequest) request);
    }
  }

  private static SendMessageBatchRequest batch(String url, List<String> ids) {
    return SendMessageBatchRequest.builder()
        .queueUrl(url)
        .entries(ids.stream()
            .map(id -> SendMessageBatchRequestEntry.builder().id(id).messageBody("body").build())
            .toList())
        .build();
  }

  private static ReceiveMessageRequest receive(String url, int max, int waitSeconds) {
    return ReceiveMessageRequest.builder()
        .queueUrl(url)
        .maxNumberOfMessages(max)
        .waitTimeSeconds(waitSeconds)
        .build();
  }
}
