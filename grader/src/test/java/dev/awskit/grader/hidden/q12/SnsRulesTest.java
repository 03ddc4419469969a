package dev.awskit.grader.hidden.q12;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The q12 SNS double's Publish limits, against the SNS API reference. */
class SnsRulesTest {

  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:uploads";

  @Test
  void acceptsAMessageOfTheLargestSizeAndASubjectOf99Characters() {
    PublishRequest request = PublishRequest.builder().topicArn(TOPIC)
        .message("m".repeat(SnsRules.MAX_MESSAGE_BYTES)).subject("s".repeat(99)).build();

    assertThatCode(() -> SnsRules.checkPublish(request)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "two\nlines", "tab\there"})
  void refusesABlankSubjectOrOneWithControlCharacters(String subject) {
    expectRefused(PublishRequest.builder().topicArn(TOPIC).message("m").subject(subject).build(),
        "Invalid parameter: Subject");
  }

  @Test
  void refusesASubjectOf100Characters() {
    expectRefused(PublishRequest.builder().topicArn(TOPIC).message("m")
        .subject("s".repeat(100)).build(), "Invalid parameter: Subject");
  }

  @Test
  void refusesAnEmptyMessage() {
    expectRefused(PublishRequest.builder().topicArn(TOPIC).message("").build(),
        "Invalid parameter: Empty message");
  }

  @Test
  void countsBytesNotCharactersAndTheAttributesToo() {
    // given: 131,073 two-byte characters, and a message one attribute pushes over the limit
    PublishRequest wide = PublishRequest.builder().topicArn(TOPIC)
        .message("é".repeat(SnsRules.MAX_MESSAGE_BYTES / 2 + 1)).build();
    PublishRequest withAttribute = PublishRequest.builder().topicArn(TOPIC)
        .message("m".repeat(SnsRules.MAX_MESSAGE_BYTES - 5))
        .messageAttributes(Map.of("k", MessageAttributeValue.builder()
            .dataType("String").stringValue("v").build()))
        .build();

    // then
    expectRefused(wide, "Invalid parameter: Message too long");
    expectRefused(withAttribute, "Invalid parameter: Message too long");
  }

  private static void expectRefused(PublishRequest request, String message) {
    assertThatThrownBy(() -> SnsRules.checkPublish(request))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining(message)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
            ((InvalidParameterException) e).awsErrorDetails().errorCode())
            .isEqualTo("InvalidParameter"));
  }
}
