package dev.awskit.conformance;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What a service, or the grader's double of it, answers one request with. */
public sealed interface Verdict {

  /**
   * The request (or run of requests) was accepted.
   *
   * @param result what was answered, where the scenario compares it (items, pages), else empty
   */
  record Accepted(String result) implements Verdict {
    @Override
    public String toString() {
      return result.isEmpty() ? "accepted" : "accepted: " + result;
    }
  }

  /**
   * The request was refused with an AWS error code.
   *
   * @param errorCode the error code the SDK reports
   * @param message the error message, where the scenario compares it, else empty
   */
  record Refused(String errorCode, String message) implements Verdict {
    @Override
    public String toString() {
      return "refused: " + errorCode + (message.isEmpty() ? "" : " (" + message + ")");
    }
  }

  /** A step that sends one request and may throw what the service answers with. */
  @FunctionalInterface
  interface Call {
    void send() throws Exception;
  }

  /** Returns the verdict on {@code call}: accepted if it returns, the error code it throws. */
  static Verdict of(Call call) throws Exception {
    try {
      call.send();
      return new Accepted("");
    } catch (AwsServiceException refused) {
      return new Refused(refused.awsErrorDetails().errorCode(), "");
    }
  }

  /**
   * Returns whether two verdicts say the same: both accepted, or both refused with one code. SQS
   * codes compare without the {@code AWS.SimpleQueueService.} prefix: SQS sends its query-style
   * code in the {@code x-amzn-query-error} header, which the SDK prefers to the JSON
   * {@code __type}, and ElasticMQ sends only the {@code __type}.
   */
  default boolean sameAs(Verdict other) {
    return normal(this).equals(normal(other));
  }

  private static Verdict normal(Verdict verdict) {
    return verdict instanceof Refused refused
        ? new Refused(
            refused.errorCode().replaceFirst("^AWS\\.SimpleQueueService\\.", ""),
            refused.message())
        : verdict;
  }

  /** A run of requests that returns what was answered, or throws what the service answers. */
  @FunctionalInterface
  interface Run {
    String result() throws Exception;
  }

  /**
   * Returns the verdict on {@code run}: accepted with its result, or the error code thrown, and
   * its message if {@code withMessage} (where the engine's messages are the service's own).
   */
  static Verdict ofResult(Run run, boolean withMessage) throws Exception {
    try {
      return new Accepted(run.result());
    } catch (AwsServiceException refused) {
      return new Refused(
          refused.awsErrorDetails().errorCode(),
          withMessage ? refused.awsErrorDetails().errorMessage() : "");
    }
  }
}
