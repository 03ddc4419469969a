package dev.awskit.exercises.q11;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.Implementations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Sample tests of question 11: they show the normal path, not everything the grader checks. */
class AwsRetryTest {

  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> logLines = new ArrayList<>();
  // A sleeper that only records: the test never waits.
  private final Sleeper recordingSleeper = sleeps::add;
  private final Consumer<String> log = logLines::add;

  @Test
  void returnsTheResultOfAnOperationThatSucceedsAtOnce() {
    // given
    ThrottlingRetry retry =
        Implementations.create(
            ThrottlingRetry.class, 3, Duration.ofMillis(100), recordingSleeper, log);

    // when
    String result = retry.call(() -> "done");

    // then
    assertThat(result).isEqualTo("done");
    assertThat(sleeps).isEmpty();
    assertThat(logLines).isEmpty();
  }

  @Test
  void retriesAThrottledOperationAfterTheBaseDelay() {
    // given
    ThrottlingRetry retry =
        Implementations.create(
            ThrottlingRetry.class, 3, Duration.ofMillis(100), recordingSleeper, log);
    int[] calls = {0};

    // when
    String result =
        retry.call(
            () -> {
              calls[0]++;
              if (calls[0] == 1) {
                throw AwsServiceException.builder()
                    .message("Rate exceeded")
                    .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("ThrottlingException").build())
                    .build();
              }
              return "done";
            });

    // then
    assertThat(result).isEqualTo("done");
    assertThat(calls[0]).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100));
    assertThat(logLines).hasSize(1);
  }
}
