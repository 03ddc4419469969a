package dev.awskit.exercises.q09;

import java.util.Map;

/**
 * Holds one message returned by {@link MessageQueue#receive}.
 *
 * @param messageId the id SQS gave the message
 * @param receiptHandle the handle that {@link MessageQueue#delete} needs
 * @param body the message body
 * @param attributes the message attributes that carry a string value (data types
 *     {@code String} and {@code Number}), by name; empty when there are none
 */
public record ReceivedMessage(
    String messageId, String receiptHandle, String body, Map<String, String> attributes) {

  /** Copies the attributes, so that the record cannot change afterwards. */
  public ReceivedMessage {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
