package dev.awskit.exercises.q09;

import dev.awskit.exercises.Exercise;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends, receives and deletes messages of one Amazon SQS queue.
 *
 * <p>The rules are numbered (9.2 is rule 2 of question 9); each hidden test
 * names the rules it checks.
 *
 * <p><b>9.1</b> The implementation is built with {@code new SqsManager(sqsClient, queueUrl)}: it
 * keeps the
 * client it is given (it never builds one) and sends the queue URL it is given as
 * {@code QueueUrl} on <em>every</em> request. Either way of building a request is fine:
 * {@code SendMessageRequest.builder()...build()} or the {@code Consumer<Builder>} overloads
 * such as {@code sqs.sendMessage(b -> b.queueUrl(...))}.
 *
 * <p>Limits of SQS that this contract relies on:
 *
 * <ul>
 *   <li>a {@code SendMessageBatch} request holds 1 to {@value #MAX_BATCH_ENTRIES} entries, and
 *       the entry ids must be distinct within one request; an id is 1 to 80 characters, each a
 *       letter, a digit, {@code -} or {@code _};
 *   <li>{@code ReceiveMessage} returns at most {@value #MAX_MESSAGES_PER_RECEIVE} messages;
 *   <li>long polling waits at most {@value #MAX_WAIT_SECONDS} seconds ({@code 0} is short
 *       polling);
 *   <li>a message, and a whole batch, may be at most 1 MiB (SQS checks this; this contract
 *       does not ask you to).
 * </ul>
 *
 * <p>Failures: <b>9.2</b> an {@code SqsException} or any other {@code SdkException} (for example an
 * {@code SdkClientException} when SQS cannot be reached) never escapes these methods; each
 * method says what it returns instead. <b>9.3</b> Bad arguments are the caller's mistake: they
 * get an
 * {@link IllegalArgumentException} and nothing is sent to SQS.
 */
@Exercise(
    number = 9,
    title = "SQS message queue operations",
    implementation = "SqsManager",
    constructor = {SqsClient.class, String.class})
public interface MessageQueue {

  /** The most entries one {@code SendMessageBatch} request may hold. */
  int MAX_BATCH_ENTRIES = 10;

  /** The most messages one {@code ReceiveMessage} request may ask for. */
  int MAX_MESSAGES_PER_RECEIVE = 10;

  /** The longest long-polling wait, in seconds. */
  int MAX_WAIT_SECONDS = 20;

  /**
   * <b>9.4</b> Sends one message with {@code SendMessage}, its body as given.
   *
   * <p><b>9.5</b> Each entry of {@code attributes} becomes a message attribute of data type
   * {@code String} whose {@code StringValue} is the entry's value. {@code null} or an empty map
   * sends no message attributes.
   *
   * @param body the message body; must not be {@code null} or empty
   * @param attributes message attributes by name, or {@code null} for none
   * @return <b>9.6</b> the {@code MessageId} SQS assigned, or an empty {@code Optional} if the call
   *     failed with an {@code SdkException} (including {@code SqsException})
   * @throws IllegalArgumentException <b>9.7</b> if {@code body} is {@code null} or empty (nothing
   *     is sent)
   */
  Optional<String> send(String body, Map<String, String> attributes);

  /**
   * Sends many messages with {@code SendMessageBatch}, at most {@value #MAX_BATCH_ENTRIES} per
   * request.
   *
   * <p><b>9.8</b> The bodies are sent in list order, in as few requests as possible: each request
   * takes the next {@value #MAX_BATCH_ENTRIES} bodies (so 25 bodies take three requests, of 10, 10
   * and 5 entries). <b>9.9</b> Within one request every entry has a different id that obeys the SQS
   * id rules above (for example {@code "0"} to {@code "9"}, or {@code "msg-12"}).
   *
   * <p>Counting: <b>9.10</b> an entry counts as successful when the response lists it under
   * {@code Successful} and as failed when the response lists it under {@code Failed} (SQS
   * reports per-entry failures there, without throwing). <b>9.11</b> When a whole request fails
   * with an {@code SdkException}, every entry of that request counts as failed, and the remaining
   * requests are still sent. So normally {@code successful + failed == bodies.size()}.
   *
   * @param bodies the message bodies; <b>9.12</b> an empty list sends nothing and returns {@code
   *     (0, 0)}
   * @return how many messages were accepted and how many were not
   * @throws IllegalArgumentException <b>9.13</b> if {@code bodies} is {@code null} or holds a
   *     {@code null} or empty body (nothing is sent)
   */
  BatchResult sendBatch(List<String> bodies);

  /**
   * Receives up to {@code maxNumberOfMessages} messages with {@code ReceiveMessage}, waiting up
   * to {@code waitTimeSeconds} for them to arrive (long polling).
   *
   * <p><b>9.14</b> The request carries the queue URL, {@code MaxNumberOfMessages} and
   * {@code WaitTimeSeconds} as given. <b>9.15</b> It asks for all message attributes
   * ({@code MessageAttributeNames} {@code "All"}), since SQS returns none unless asked.
   * <b>9.16</b> The messages are returned in the order SQS returned them, each as a
   * {@link ReceivedMessage} whose attributes are those with a string value ({@code String} and
   * {@code Number}); {@code Binary} attributes are left out.
   *
   * @param maxNumberOfMessages how many messages at most, 1 to
   *     {@value #MAX_MESSAGES_PER_RECEIVE}
   * @param waitTimeSeconds how long to wait for messages, 0 to {@value #MAX_WAIT_SECONDS}
   * @return <b>9.17</b> the received messages; an empty list when there are none or when the call
   *     failed with an {@code SdkException}
   * @throws IllegalArgumentException <b>9.18</b> if either argument is out of its range (nothing is
   *     sent)
   */
  List<ReceivedMessage> receive(int maxNumberOfMessages, int waitTimeSeconds);

  /**
   * <b>9.19</b> Deletes a processed message with {@code DeleteMessage}, sending its receipt
   * handle.
   *
   * @param receiptHandle the receipt handle of the received message (not its message id)
   * @return {@code true} if SQS deleted it, {@code false} if the call failed with an
   *     {@code SdkException}
   * @throws IllegalArgumentException <b>9.20</b> if {@code receiptHandle} is {@code null} or blank
   *     (nothing is sent)
   */
  boolean delete(String receiptHandle);
}
