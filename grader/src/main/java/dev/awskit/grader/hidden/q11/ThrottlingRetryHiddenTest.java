package dev.awskit.grader.hidden.q11;

import static dev.awskit.grader.hidden.Thrown.describe;
import static dev.awskit.grader.hidden.Thrown.thrownBy;
import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbError;
import static dev.awskit.grader.hidden.ServiceErrors.s3Error;
import static dev.awskit.grader.hidden.ServiceErrors.serviceError;
import static dev.awskit.grader.hidden.Thrown.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q11.Sleeper;
import dev.awskit.exercises.q11.ThrottlingRetry;
import dev.awskit.grader.hidden.ImplementationProblem;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Hidden tests of question 11: retries of throttled operations with exponential backoff.
 *
 * <p>The sleeper only records the delays and the log only collects its lines, so nothing here
 * ever waits.
 */
@QuestionTests(11)
@DisplayName("Question 11: retry with exponential backoff")
class ThrottlingRetryHiddenTest {

  private static final Duration BASE = Duration.ofMillis(100);
  /** More calls than any test here allows: an implementation that never stops is cut short. */
  private static final int MAX_CALLS = 50;

  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> logLines = new ArrayList<>();
  private final Sleeper sleeper = sleeps::add;
  private final Consumer<String> log = logLines::add;

  private ThrottlingRetry retry(Submission submission, int maxRetries, Duration baseDelay) {
    return submission.create(ThrottlingRetry.class, maxRetries, baseDelay, sleeper, log);
  }

  @Test
  @Points(1)
  @Checks({"11.7"})
  @DisplayName("an operation that succeeds at once is called once, without sleeping or logging")
  void successAtOnce(Submission submission) {
    // given
    Script<String> operation = new Script<>("result");

    // when
    String result = retry(submission, 3, BASE).call(operation);

    // then
    assertThat(result).as("call should return what the operation returned").isEqualTo("result");
    assertThat(operation.calls).as("call should run an operation that succeeds at once exactly once").isEqualTo(1);
    assertThat(sleeps).as("call should not sleep when nothing failed").isEmpty();
    assertThat(logLines).as("call should log nothing when nothing failed").isEmpty();
  }

  @Test
  @Points(2)
  @Checks({"11.8"})
  @DisplayName("an operation throttled twice and then successful returns its value")
  void successAfterTwoThrottles(Submission submission) {
    // given
    Script<Integer> operation =
        new Script<>(42, throttling("ThrottlingException"), throttling("ThrottlingException"));

    // when
    Integer result = retry(submission, 3, BASE).call(operation);

    // then
    assertThat(result).as("call should return what the operation returned after two throttled attempts").isEqualTo(42);
    assertThat(operation.calls)
        .as("call should run an operation that is throttled twice and then succeeds three times")
        .isEqualTo(3);
  }

  @Test
  @Points(3)
  @Checks({"11.1", "11.8"})
  @DisplayName("an always-throttled operation is called exactly 1 + maxRetries times")
  void exactNumberOfCalls(Submission submission) {
    for (int maxRetries : new int[] {3, 5, 1}) {
      // given
      Script<String> operation = Script.alwaysFailing(() -> throttling("Throttling"));
      ThrottlingRetry retry = retry(submission, maxRetries, BASE);

      // when
      thrownBy(() -> retry.call(operation));

      // then
      assertThat(operation.calls)
          .as("call should run an always-throttled operation with maxRetries = %d once more than its retries (the first call"
              + " plus %d retries)", maxRetries, maxRetries)
          .isEqualTo(1 + maxRetries);
    }
  }

  @Test
  @Points(3)
  @Checks({"11.2", "11.3", "11.9"})
  @DisplayName("the delays double from the base delay: 1x, 2x, 4x")
  void delaysDouble(Submission submission) {
    // given
    Script<String> operation = Script.alwaysFailing(() -> throttling("RequestLimitExceeded"));

    // when
    thrownBy(() -> retry(submission, 3, BASE).call(operation));

    // then
    assertThat(millis(sleeps))
        .as("call should sleep 100, 200 and 400 ms for maxRetries = 3 and a base delay"
            + " of 100 ms (base * 2^attempt, attempt = 0, 1, 2)")
        .containsExactly("100 ms", "200 ms", "400 ms");

    // and with another base delay
    sleeps.clear();
    Script<String> again = Script.alwaysFailing(() -> throttling("RequestLimitExceeded"));
    thrownBy(() -> retry(submission, 2, Duration.ofSeconds(1)).call(again));
    assertThat(millis(sleeps))
        .as("call should sleep 1 s and 2 s for maxRetries = 2 and a base delay"
            + " of 1 s")
        .containsExactly("1000 ms", "2000 ms");
  }

  @Test
  @Points(1)
  @Checks({"11.9", "11.10"})
  @DisplayName("the delays are exact durations: a base delay of 1.5 ms gives 1.5, 3 and 6 ms")
  void delaysKeepSubMillisecondPrecision(Submission submission) {
    // given
    Duration base = Duration.ofNanos(1_500_000);
    Script<String> operation = Script.alwaysFailing(() -> throttling("Throttling"));

    // when
    thrownBy(() -> retry(submission, 3, base).call(operation));

    // then
    assertThat(sleeps)
        .withFailMessage(
            "call with a base delay of 1.5 ms should sleep exactly 1.5, 3 and 6 ms"
                + " (baseDelay * 2^(n-1) as a Duration, not rounded to milliseconds), but slept"
                + " %s.",
            sleeps)
        .containsExactly(base, base.multipliedBy(2), base.multipliedBy(4));
  }

  @Test
  @Points(1)
  @Checks({"11.9"})
  @DisplayName("each retry logs first, then sleeps, then calls the operation again")
  void eachRetryLogsThenSleepsThenCalls(Submission submission) {
    // given: one record of everything that happens, in order
    List<String> events = new ArrayList<>();
    Sleeper recordingSleeper = delay -> events.add("sleep " + delay.toMillis() + " ms");
    Consumer<String> recordingLog = line -> events.add("log");
    ThrottlingRetry retry =
        submission.create(ThrottlingRetry.class, 2, BASE, recordingSleeper, recordingLog);
    Script<String> throttled = Script.alwaysFailing(() -> throttling("ThrottlingException"));
    Supplier<String> operation =
        () -> {
          events.add("call");
          return throttled.get();
        };

    // when
    thrownBy(() -> retry.call(operation));

    // then
    assertThat(events)
        .withFailMessage(
            "With maxRetries = 2, each retry should write its log line, then sleep, then call the"
                + " operation again: [call, log, sleep 100 ms, call, log, sleep 200 ms, call];"
                + " what happened was %s.",
            events)
        .containsExactly("call", "log", "sleep 100 ms", "call", "log", "sleep 200 ms", "call");
  }

  @Test
  @Points(2)
  @Checks({"11.12"})
  @DisplayName("after the last retry, the last exception is rethrown unchanged")
  void lastExceptionRethrown(Submission submission) {
    // given: a different exception instance for each attempt
    List<AwsServiceException> failures = new ArrayList<>();
    Script<String> operation =
        Script.alwaysFailing(
            () -> {
              AwsServiceException failure = throttling("ThrottlingException");
              failures.add(failure);
              return failure;
            });

    // when
    Throwable thrown = thrownBy(() -> retry(submission, 2, BASE).call(operation));

    // then
    assertThat(thrown)
        .withFailMessage(
            "After the last retry, call should rethrow the exception of the last attempt itself"
                + " (not wrapped, not a new one), but %s", outcome(thrown))
        .isNotNull()
        .isSameAs(failures.get(failures.size() - 1));
  }

  @Test
  @Points(2)
  @Checks({"11.11"})
  @DisplayName("a service error that is not throttling propagates at once, unchanged")
  void otherServiceErrorNotRetried(Submission submission) {
    // given
    AwsServiceException accessDenied =
        s3Error(403, "AccessDenied", "Access Denied");
    Script<String> operation = Script.alwaysFailing(() -> accessDenied);

    // when
    Throwable thrown = thrownBy(() -> retry(submission, 3, BASE).call(operation));

    // then
    assertThat(operation.calls)
        .as("call should run an operation that fails with error code AccessDenied once (not retried)")
        .isEqualTo(1);
    assertThat(sleeps).as("call should not sleep for an error that is not throttling").isEmpty();
    assertThat(thrown)
        .withFailMessage(
            "call should let the S3Exception AccessDenied propagate unchanged, but %s",
            outcome(thrown))
        .isSameAs(accessDenied);
  }

  @Test
  @Points(1)
  @Checks({"11.11"})
  @DisplayName("client errors and other runtime exceptions are not retried")
  void clientAndRuntimeErrorsNotRetried(Submission submission) {
    List<RuntimeException> failures =
        List.of(
            SdkClientException.create("Unable to execute HTTP request: connect timed out"),
            new IllegalStateException("bug in the operation"),
            new NullPointerException("no value"));
    for (RuntimeException failure : failures) {
      // given
      Script<String> operation = Script.alwaysFailing(() -> failure);

      // when
      Throwable thrown = thrownBy(() -> retry(submission, 3, BASE).call(operation));

      // then
      assertThat(operation.calls)
          .as("call should run an operation that throws %s once (not retried)",
              failure.getClass().getSimpleName())
          .isEqualTo(1);
      assertThat(thrown)
          .withFailMessage(
              "call should let the %s propagate unchanged, but %s",
              failure.getClass().getSimpleName(), outcome(thrown))
          .isSameAs(failure);
    }
    assertThat(sleeps).as("call should not sleep for errors that are not throttling").isEmpty();
  }

  @Test
  @Points(1)
  @Checks({"11.11"})
  @DisplayName("an error that is not retried propagates without a log line")
  void errorsNotRetriedAreNotLogged(Submission submission) {
    List<RuntimeException> notRetried =
        List.of(
            throttling("ValidationException"),
            throttling("SlowDown"),
            SdkClientException.create("Unable to execute HTTP request: connection reset"),
            new IllegalStateException("a bug in the operation"));
    for (RuntimeException failure : notRetried) {
      // given
      logLines.clear();
      Script<String> operation = Script.alwaysFailing(() -> failure);

      // when
      thrownBy(() -> retry(submission, 3, BASE).call(operation));

      // then
      assertThat(logLines)
          .withFailMessage(
              "call should let %s propagate without logging anything (the log gets one line per"
                  + " retry only), but it logged %s.",
              describe(failure), logLines)
          .isEmpty();
    }
  }

  @Test
  @Points(2)
  @Checks({"11.8"})
  @DisplayName("Throttling, ThrottlingException and RequestLimitExceeded are all retried")
  void threeCodesRetried(Submission submission) {
    List<AwsServiceException> throttled =
        List.of(
            serviceError(SnsException.builder(), "Sns", 400, "Throttling", "Rate exceeded"),
            throttling("ThrottlingException"),
            dynamoDbError("RequestLimitExceeded", "Too many requests"));
    ThrottlingRetry retry = retry(submission, 3, BASE);
    for (AwsServiceException failure : throttled) {
      // given
      Script<String> operation = new Script<>("ok", failure);

      // when
      String result = retry.call(operation);

      // then
      assertThat(operation.calls)
          .as("call should retry an operation throttled once with error code %s, so run it twice",
              failure.awsErrorDetails().errorCode())
          .isEqualTo(2);
      assertThat(result).as("call should return what the operation returned after one retry").isEqualTo("ok");
    }
  }

  @Test
  @Points(1)
  @Checks({"11.11"})
  @DisplayName("other error codes, even other throttling codes of the SDK, are not retried")
  void otherThrottlingCodesNotRetried(Submission submission) {
    List<AwsServiceException> notRetried =
        List.of(
            throttling("ProvisionedThroughputExceededException"),
            throttling("SlowDown"),
            throttling("TooManyRequestsException"),
            throttling("throttling"),
            AwsServiceException.builder().statusCode(400).message("no details").build());
    for (AwsServiceException failure : notRetried) {
      // given
      Script<String> operation = Script.alwaysFailing(() -> failure);
      String code =
          failure.awsErrorDetails() == null
              ? "no error details"
              : "error code " + failure.awsErrorDetails().errorCode();

      // when
      Throwable thrown = thrownBy(() -> retry(submission, 3, BASE).call(operation));

      // then
      assertThat(operation.calls)
          .as("call should run an operation that fails with %s once (only Throttling, ThrottlingException"
              + " and RequestLimitExceeded are retried)", code)
          .isEqualTo(1);
      assertThat(thrown)
          .withFailMessage(
              "call should let the exception with %s propagate unchanged, but %s",
              code, outcome(thrown))
          .isSameAs(failure);
    }
  }

  @Test
  @Points(1)
  @Checks({"11.1", "11.12"})
  @DisplayName("with maxRetries 0 a throttled operation is called once and its exception"
      + " rethrown")
  void zeroRetries(Submission submission) {
    // given
    AwsServiceException failure = throttling("Throttling");
    Script<String> operation = Script.alwaysFailing(() -> failure);

    // when
    Throwable thrown = thrownBy(() -> retry(submission, 0, BASE).call(operation));

    // then
    assertThat(operation.calls).as("call with maxRetries = 0 should run the operation once").isEqualTo(1);
    assertThat(sleeps).as("call with maxRetries = 0 should never sleep").isEmpty();
    assertThat(thrown)
        .withFailMessage(
            "with maxRetries = 0, call should rethrow the throttling exception unchanged, but %s",
            outcome(thrown))
        .isSameAs(failure);
  }

  @Test
  @Points(1)
  @Checks({"11.4", "11.9"})
  @DisplayName("each retry writes exactly one log line")
  void oneLogLinePerRetry(Submission submission) {
    // given
    Script<String> operation =
        new Script<>("ok", throttling("Throttling"), throttling("Throttling"));

    // when
    retry(submission, 3, BASE).call(operation);

    // then
    assertThat(logLines)
        .as("call should log one line per retry, two for an operation retried twice")
        .hasSize(2);
    assertThat(logLines).as("every log line should say something (none null or blank)").allMatch(line -> line != null && !line.isBlank());
  }

  @Test
  @Points(1)
  @Checks({"11.10"})
  @DisplayName("each log line names its retry number and its delay")
  void logLinesNameRetryAndDelay(Submission submission) {
    // given
    Script<String> operation = Script.alwaysFailing(() -> throttling("ThrottlingException"));

    // when
    thrownBy(() -> retry(submission, 3, BASE).call(operation));

    // then
    assertThat(logLines).as("call should log one line per retry, three for three retries").hasSize(3);
    for (int retry = 1; retry <= 3; retry++) {
      Duration delay = BASE.multipliedBy(1L << (retry - 1));
      String line = logLines.get(retry - 1);
      assertThat(containsNumber(line, retry))
          .withFailMessage("log line %d should name the retry number %d, but was: %s",
              retry, retry, line)
          .isTrue();
      assertThat(containsNumber(line, delay.toMillis()) || line.contains(delay.toString()))
          .withFailMessage(
              "log line %d should name the delay, as %d ms or %s, but was: %s",
              retry, delay.toMillis(), delay, line)
          .isTrue();
    }
  }

  @Test
  @Points(1)
  @Checks({"11.6"})
  @DisplayName("every call starts with the full number of retries")
  void everyCallHasItsOwnBudget(Submission submission) {
    // given
    ThrottlingRetry retry = retry(submission, 2, BASE);
    Script<String> first = Script.alwaysFailing(() -> throttling("Throttling"));
    Script<String> second = new Script<>("second", throttling("Throttling"),
        throttling("Throttling"));

    // when
    thrownBy(() -> retry.call(first));
    Throwable thrown = thrownBy(() -> retry.call(second));

    // then
    assertThat(thrown)
        .withFailMessage(
            "A second call on the same instance, throttled twice with maxRetries = 2, should"
                + " succeed: the retries of an earlier call must not count against it, but %s",
            outcome(thrown))
        .isNull();
    assertThat(second.calls).as("a second call of the same retry should start afresh and run its operation three times").isEqualTo(3);
  }

  @Test
  @Points(1)
  @Checks({"11.13"})
  @DisplayName("an interrupted sleep stops retrying, keeps the interrupt flag and rethrows")
  void interruptedSleepStops(Submission submission) {
    // given
    Sleeper interrupted =
        delay -> {
          throw new InterruptedException("shutting down");
        };
    AwsServiceException failure = throttling("ThrottlingException");
    Script<String> operation = Script.alwaysFailing(() -> failure);
    ThrottlingRetry retry =
        submission.create(ThrottlingRetry.class, 3, BASE, interrupted, log);

    // when
    Throwable thrown;
    boolean flagSet;
    try {
      thrown = thrownBy(() -> retry.call(operation));
    } finally {
      flagSet = Thread.interrupted(); // reads and clears the flag, so no later test sees it
    }

    // then
    assertThat(operation.calls)
        .as("call should stop retrying when the sleep before the first retry is interrupted, so run the operation once")
        .isEqualTo(1);
    assertThat(flagSet)
        .withFailMessage(
            "After an InterruptedException from the sleeper, the thread's interrupt flag should"
                + " be set again (Thread.currentThread().interrupt())")
        .isTrue();
    assertThat(thrown)
        .withFailMessage(
            "After an InterruptedException from the sleeper, call should rethrow the throttling"
                + " exception it was about to retry, unchanged, but %s", outcome(thrown))
        .isSameAs(failure);
  }

  @Test
  @Points(1)
  @Checks({"11.5"})
  @DisplayName("the constructor rejects a negative maxRetries and a null or negative base delay")
  void constructorRejectsBadArguments(Submission submission) {
    // when / then
    expectRejected(submission, "new AwsRetry(-1, 100 ms, sleeper, log)", -1, BASE);
    expectRejected(submission, "new AwsRetry(3, null, sleeper, log)", 3, null);
    expectRejected(submission, "new AwsRetry(3, -1 s, sleeper, log)", 3, Duration.ofSeconds(-1));
    // Zero is a valid base delay: retries without waiting.
    Script<String> operation = new Script<>("ok", throttling("Throttling"));
    assertThat(retry(submission, 3, Duration.ZERO).call(operation))
        .as("call with a base delay of zero should still retry and return what the operation returned")
        .isEqualTo("ok");
  }

  @Test
  @Points(1)
  @Checks({"11.5"})
  @DisplayName("the constructor rejects a null sleeper and a null log")
  void constructorRejectsMissingSleeperOrLog(Submission submission) {
    // when / then
    expectRejected(submission, "new AwsRetry(3, 100 ms, null, log)", 3, BASE, null, log);
    expectRejected(submission, "new AwsRetry(3, 100 ms, sleeper, null)", 3, BASE, sleeper, null);
  }

  @Test
  @Points(1)
  @Checks({"11.14"})
  @DisplayName("call(null) is rejected with IllegalArgumentException")
  void callRejectsNullOperation(Submission submission) {
    // given
    ThrottlingRetry retry = retry(submission, 3, BASE);

    // when
    Throwable thrown = thrownBy(() -> retry.call(null));

    // then
    assertThat(thrown)
        .withFailMessage(
            "call(null) should throw an IllegalArgumentException, but %s", outcome(thrown))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- helpers

  @Test
  @Points(1)
  @Checks({"11.9"})
  @DisplayName("each retry logs its line, then sleeps, then calls the operation again")
  void logsBeforeEachSleep(Submission submission) {
    // given
    List<String> events = new ArrayList<>();
    Script<String> operation =
        new Script<>("done", throttling("Throttling"), throttling("RequestLimitExceeded"));
    Sleeper recordingSleeper = delay -> events.add("sleep");
    Consumer<String> recordingLog = line -> events.add("log");
    ThrottlingRetry retry =
        submission.create(ThrottlingRetry.class, 3, BASE, recordingSleeper, recordingLog);

    // when
    retry.call(
        () -> {
          events.add("call");
          return operation.get();
        });

    // then
    assertThat(events)
        .withFailMessage(
            "For an operation throttled twice, call should log each retry's line, then sleep,"
                + " then call the operation again (call, log, sleep, call, log, sleep, call), but"
                + " the order was %s.",
            events)
        .containsExactly("call", "log", "sleep", "call", "log", "sleep", "call");
  }

  private void expectRejected(
      Submission submission, String construction, int maxRetries, Duration baseDelay) {
    expectRejected(submission, construction, maxRetries, baseDelay, sleeper, log);
  }

  private static void expectRejected(
      Submission submission, String construction, int maxRetries, Duration baseDelay,
      Sleeper sleeper, Consumer<String> log) {
    Throwable thrown;
    try {
      ThrottlingRetry retry =
          submission.create(ThrottlingRetry.class, maxRetries, baseDelay, sleeper, log);
      // A constructor that accepted the arguments: make sure the stub's message shows.
      thrown = thrownBy(() -> retry.call(() -> "unexpected"));
    } catch (ImplementationProblem constructorThrew) {
      thrown = constructorThrew.getCause();
    }
    assertThat(thrown)
        .withFailMessage(
            "%s should throw an IllegalArgumentException from the constructor, but %s",
            construction, outcome(thrown))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static AwsServiceException throttling(String errorCode) {
    return serviceError(
        AwsServiceException.builder(), "Any", 400, errorCode, "simulated failure " + errorCode);
  }

  private static List<String> millis(List<Duration> delays) {
    return delays.stream().map(delay -> delay == null ? "null" : delay.toMillis() + " ms")
        .toList();
  }

  private static boolean containsNumber(String line, long number) {
    return line != null
        && Pattern.compile("(?<![0-9])" + number + "(?![0-9])").matcher(line).find();
  }

  /** An operation that throws the given exceptions in turn, then returns its value. */
  private static final class Script<T> implements Supplier<T> {

    private final T value;
    private final List<RuntimeException> failures;
    private final Supplier<? extends RuntimeException> everyTime;
    int calls;

    Script(T value, RuntimeException... failures) {
      this(value, Arrays.asList(failures), null);
    }

    private Script(
        T value, List<RuntimeException> failures, Supplier<? extends RuntimeException> everyTime) {
      this.value = value;
      this.failures = failures;
      this.everyTime = everyTime;
    }

    static <T> Script<T> alwaysFailing(Supplier<? extends RuntimeException> failure) {
      return new Script<>(null, List.of(), failure);
    }

    @Override
    public T get() {
      calls++;
      if (calls > MAX_CALLS) {
        throw new AssertionError(
            "The operation was called more than " + MAX_CALLS + " times: retrying never stops");
      }
      if (everyTime != null) {
        throw everyTime.get();
      }
      if (calls <= failures.size()) {
        throw failures.get(calls - 1);
      }
      return value;
    }
  }
}
