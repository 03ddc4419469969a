package dev.awskit.grader.hidden.q12;

import static dev.awskit.grader.hidden.ServiceErrors.snsInvalidParameter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * The limits SNS checks before it accepts a Publish, so that the SNS double of question 12
 * refuses what SNS refuses, with the {@code InvalidParameterException} the SDK raises. SNS has no
 * open-source engine to compare with; every rule cites the API reference,
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
final class SnsRules {

  /**
   * The largest message, attributes included: 256 KB, "262,144 bytes, not 262,144 characters"
   * ("Message" in API_Publish).
   */
  static final int MAX_MESSAGE_BYTES = 262_144;

  /**
   * A subject is "UTF-8 text with no line breaks or control characters, and less than 100
   * characters long" ("Subject" in API_Publish).
   */
  static final int MAX_SUBJECT_CHARACTERS = 99;

  private SnsRules() {}

  /** Throws what SNS answers to a Publish request it refuses. */
  static void checkPublish(PublishRequest request) {
    String message = request.message();
    if (message == null || message.isEmpty()) {
      // "Message" is a required member of API_Publish.
      throw snsInvalidParameter("Invalid parameter: Empty message");
    }
    String subject = request.subject();
    if (subject != null
        && (subject.isBlank()
            || subject.codePointCount(0, subject.length()) > MAX_SUBJECT_CHARACTERS
            || subject.chars().anyMatch(Character::isISOControl))) {
      throw snsInvalidParameter("Invalid parameter: Subject");
    }
    if (size(message, request.messageAttributes()) > MAX_MESSAGE_BYTES) {
      throw snsInvalidParameter("Invalid parameter: Message too long");
    }
  }

  /** The size SNS counts: the message and its attributes' names, types and values, in bytes. */
  private static long size(String message, Map<String, MessageAttributeValue> attributes) {
    long size = utf8(message);
    for (Map.Entry<String, MessageAttributeValue> attribute : attributes.entrySet()) {
      MessageAttributeValue value = attribute.getValue();
      size += utf8(attribute.getKey()) + utf8(value.dataType()) + utf8(value.stringValue())
          + (value.binaryValue() == null ? 0 : value.binaryValue().asByteArray().length);
    }
    return size;
  }

  private static long utf8(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
