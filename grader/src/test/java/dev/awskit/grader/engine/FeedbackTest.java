package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.awskit.exercises.NotImplementedYet;
import dev.awskit.grader.hidden.TimeLimitExceeded;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checks the words a student reads for each way a hidden test can fail. */
class FeedbackTest {

  private final Feedback feedback = new Feedback(Duration.ofSeconds(5));

  @Test
  void assertionMessageIsTheFeedbackAndTheTraceTheDetail() {
    TestOutcome outcome = feedback.of(new AssertionError("[the bucket name] expected: \"a\" but was: \"b\""));

    assertThat(outcome).isInstanceOf(TestOutcome.Failed.class);
    assertThat(outcome.feedback()).isEqualTo("[the bucket name] expected: \"a\" but was: \"b\"");
    assertThat(outcome.detail()).contains("java.lang.AssertionError").contains("\tat ");
  }

  @Test
  void embeddedStackTracesAreCutFromAssertionMessages() {
    String message =
        "Expecting actual throwable to be an instance of:\n  X\nbut was:\n  java.lang.NullPointerException: oops\n"
            + "\tat submission//dev.awskit.exercises.q06.DynamoDbManager.put(DynamoDbManager.java:31)\n"
            + "\tat app//dev.awskit.grader.hidden.q06.ItemStoreHiddenTest.lambda$x$0(ItemStoreHiddenTest.java:12)\n"
            + "\tat java.base/java.lang.Thread.run(Thread.java:833)\n"
            + "\t...(19 remaining lines not displayed - this can be changed with Assertions.setMaxStackTraceElementsDisplayed)";

    String text = feedback.of(new AssertionError(message)).feedback();

    assertThat(text)
        .contains("java.lang.NullPointerException: oops")
        .endsWith("(thrown at DynamoDbManager.put:31)")
        .doesNotContain("ItemStoreHiddenTest", "Thread.run", "remaining lines");
  }

  @Test
  void rawMockitoReportNeverReachesTheStudent() {
    List<?> list = mock(List.class);
    AssertionError mockitoReport = null;
    try {
      verify(list).clear();
    } catch (AssertionError wanted) {
      mockitoReport = wanted;
    }

    TestOutcome outcome = feedback.of(mockitoReport);

    assertThat(outcome.feedback()).isEqualTo("The test expected your code to call the AWS client differently.");
    assertThat(outcome.detail()).contains("Wanted but not invoked");
  }

  @Test
  void exceptionOutsideTheStudentsCodeSaysWhatItIsWithoutATrace() {
    TestOutcome outcome = feedback.of(new NullPointerException("Cannot invoke \"java.util.Map.get(Object)\" because \"result\" is null"));

    assertThat(outcome.feedback())
        .startsWith("The test could not check your code: NullPointerException: Cannot invoke")
        .doesNotContain("\tat ");
  }

  @Test
  void timeoutSaysTheLimit() {
    TestOutcome outcome =
        feedback.of(new TimeLimitExceeded(Duration.ofSeconds(5), new StackTraceElement[0]));

    assertThat(outcome).isInstanceOf(TestOutcome.TimedOut.class);
    assertThat(outcome.feedback()).startsWith("The test did not finish within 5 s:");
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a loop would ignore an interrupt
  void exceptionsThatAreEachOthersCausesAreDescribedAndTheWalkEnds() {
    // given two exceptions of a submission made each other's cause
    IllegalStateException outer = new IllegalStateException("outer");
    IllegalArgumentException inner = new IllegalArgumentException("inner");
    outer.initCause(inner);
    inner.initCause(outer);

    // when
    TestOutcome outcome = feedback.of(outer);

    // then
    assertThat(outcome).isNotInstanceOf(TestOutcome.TimedOut.class);
    assertThat(outcome.feedback()).contains("IllegalStateException: outer");
  }

  @Test
  void aTimeoutExceptionOfTheSubmissionsOwnIsNotATimeOut() {
    // given a student's code that gives up waiting by itself, well within the limit
    Throwable thrown = new IllegalStateException("gave up", new TimeoutException("no reply"));

    // when
    TestOutcome outcome = feedback.of(thrown);

    // then
    assertThat(outcome).isNotInstanceOf(TestOutcome.TimedOut.class);
  }

  @Test
  void aStubNotCompletedYetIsItsOwnOutcomeSaidAsTheStubSaysIt() {
    // given
    Throwable wrapped = new IllegalStateException("wrapped", new NotImplementedYet(4));

    // when
    TestOutcome outcome = feedback.of(wrapped);

    // then
    assertThat(outcome).isInstanceOf(TestOutcome.NotImplemented.class);
    assertThat(outcome.feedback()).isEqualTo("Question 4 is not implemented yet");
  }

  @Test
  void theWordsNotImplementedYetAloneDoNotMakeAStub() {
    // given
    Throwable lookalike = new UnsupportedOperationException("Question 4 is not implemented yet");

    // when
    TestOutcome outcome = feedback.of(lookalike);

    // then
    assertThat(outcome).isNotInstanceOf(TestOutcome.NotImplemented.class);
  }
}
