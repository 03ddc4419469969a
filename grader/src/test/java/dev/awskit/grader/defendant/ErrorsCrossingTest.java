package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Checks how exceptions cross between the judge and the defendant: copies keep their class,
 * message, cause and AWS details, an exception that comes home is the original, and the
 * defendant's running out of memory reaches the judge as an error that only names it.
 */
@Timeout(5)
class ErrorsCrossingTest {

  /** Throws for the judge: the defendant's root in these tests. */
  interface Thrower {
    /** Throws what the defendant was set to build; the judge never sees the builder. */
    void throwMade() throws Throwable;

    /** Throws {@code thrown}, the defendant's copy of what the judge passed. */
    void rethrow(Throwable thrown) throws Throwable;

    /** Returns what the judge's {@code supplier} returns, letting what it throws propagate. */
    Object call(Supplier<Object> supplier);
  }

  private final AtomicReference<Supplier<Throwable>> defendantMakes = new AtomicReference<>();
  private final AtomicReference<Throwable> thrownInDefendant = new AtomicReference<>();
  private EndpointPair<Thrower> pair;

  @BeforeEach
  void connect() {
    pair =
        EndpointPair.serving(
            new Thrower() {
              @Override
              public void throwMade() throws Throwable {
                Throwable thrown = defendantMakes.get().get();
                thrownInDefendant.set(thrown);
                throw thrown;
              }

              @Override
              public void rethrow(Throwable thrown) throws Throwable {
                thrownInDefendant.set(thrown);
                throw thrown;
              }

              @Override
              public Object call(Supplier<Object> supplier) {
                return supplier.get();
              }
            },
            Thrower.class);
  }

  @AfterEach
  void disconnect() {
    pair.close();
  }

  /**
   * Has the defendant build and throw what {@code make} builds, on its side, and returns what the
   * judge caught.
   */
  private Throwable thrownByDefendant(Supplier<Throwable> make) {
    defendantMakes.set(make);
    return catchThrowable(() -> pair.root().throwMade());
  }

  @Test
  void anAwsServiceExceptionKeepsItsClassDetailsAndMessage() {
    // given
    Supplier<Throwable> accessDenied =
        () ->
            S3Exception.builder()
                .message("Access Denied")
                .statusCode(403)
                .requestId("req-1")
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("AccessDenied")
                        .errorMessage("Access Denied")
                        .serviceName("S3")
                        .build())
                .build();

    // when
    Throwable caught = thrownByDefendant(accessDenied);

    // then
    S3Exception original = (S3Exception) thrownInDefendant.get();
    assertThat(caught)
        .as("the judge should catch a copy of the defendant's S3Exception")
        .isExactlyInstanceOf(S3Exception.class)
        .isNotSameAs(original);
    S3Exception copy = (S3Exception) caught;
    assertThat(copy.awsErrorDetails().errorCode()).as("the error code should be kept").isEqualTo("AccessDenied");
    assertThat(copy.awsErrorDetails().serviceName()).as("the service name should be kept").isEqualTo("S3");
    assertThat(copy.statusCode()).as("the status code should be kept").isEqualTo(403);
    assertThat(copy.requestId()).as("the request id should be kept").isEqualTo("req-1");
    assertThat(copy.getMessage())
        .as("the message should read as the original's, the service's details not doubled")
        .isEqualTo(original.getMessage());
  }

  @Test
  void anAwsServiceExceptionWithAnExtendedRequestIdKeepsItsMessage() {
    // given what S3 itself answers: an extended request id too
    Supplier<Throwable> noSuchBucket =
        () ->
            S3Exception.builder()
                .message("The specified bucket does not exist")
                .statusCode(404)
                .requestId("req-2")
                .extendedRequestId("ext-2")
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("NoSuchBucket")
                        .errorMessage("The specified bucket does not exist")
                        .serviceName("S3")
                        .build())
                .build();

    // when
    Throwable caught = thrownByDefendant(noSuchBucket);

    // then
    assertThat(caught.getMessage())
        .as("the message should read as the original's, extended request id included, once")
        .isEqualTo(thrownInDefendant.get().getMessage());
    assertThat(((S3Exception) caught).extendedRequestId())
        .as("the extended request id should be kept")
        .isEqualTo("ext-2");
  }

  @Test
  void aJudgesAwsServiceExceptionReadsTheSameInTheDefendant() {
    // given
    S3Exception judges =
        (S3Exception)
            S3Exception.builder()
                .message("Slow Down")
                .statusCode(503)
                .requestId("req-3")
                .extendedRequestId("ext-3")
                .awsErrorDetails(
                    AwsErrorDetails.builder().errorCode("SlowDown").serviceName("S3").build())
                .build();

    // when
    catchThrowable(() -> pair.root().rethrow(judges));

    // then
    assertThat(thrownInDefendant.get())
        .as("the defendant should hold a copy of the judge's S3Exception")
        .isExactlyInstanceOf(S3Exception.class)
        .isNotSameAs(judges);
    assertThat(thrownInDefendant.get().getMessage())
        .as("the defendant's copy should read as the judge's exception, details once")
        .isEqualTo(judges.getMessage());
  }

  @Test
  void aJudgesExceptionRethrownByTheDefendantComesBackAsTheSameObject() {
    // given
    IllegalStateException fromDouble = new IllegalStateException("the double refuses");

    // when
    Throwable caught =
        catchThrowable(
            () ->
                pair.root()
                    .call(
                        () -> {
                          throw fromDouble;
                        }));

    // then
    assertThat(caught)
        .as("the exception the judge's double threw should come back as the very same object")
        .isSameAs(fromDouble);
  }

  @Test
  void aJudgesExceptionHandedToTheDefendantAndThrownComesBackAsTheSameObject() {
    // given
    RuntimeException judges = new RuntimeException("made by the judge");

    // when
    Throwable caught = catchThrowable(() -> pair.root().rethrow(judges));

    // then
    assertThat(thrownInDefendant.get())
        .as("the defendant should hold a copy, not the judge's object")
        .isNotSameAs(judges)
        .hasMessage("made by the judge");
    assertThat(caught).as("the copy thrown back should arrive as the judge's own object").isSameAs(judges);
  }

  @Test
  void aDefendantsOutOfMemoryErrorArrivesAsAPlainErrorNamingIt() {
    // given
    Supplier<Throwable> outOfMemory = () -> new OutOfMemoryError("Java heap space");

    // when
    Throwable caught = thrownByDefendant(outOfMemory);

    // then
    assertThat(caught)
        .as("the judge should catch a plain Error, since JUnit ends a whole run on an OutOfMemoryError")
        .isExactlyInstanceOf(Error.class)
        .isNotInstanceOf(VirtualMachineError.class);
    assertThat(caught.getMessage())
        .as("the error's message should name the OutOfMemoryError and keep its text")
        .startsWith("OutOfMemoryError")
        .contains("Java heap space");
  }

  @Test
  void anUncheckedIoExceptionKeepsItsTypeAndCause() {
    // given
    Supplier<Throwable> unreadable =
        () -> new UncheckedIOException("reading failed", new IOException("disk gone"));

    // when
    Throwable caught = thrownByDefendant(unreadable);

    // then
    assertThat(caught)
        .as("the judge should catch an UncheckedIOException with the original message")
        .isExactlyInstanceOf(UncheckedIOException.class)
        .hasMessage("reading failed");
    assertThat(caught.getCause())
        .as("its cause should be an IOException with the original message")
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("disk gone");
  }

  @Test
  void aCopyKeepsTheFramesItPassedThroughInTheDefendant() {
    // given
    Supplier<Throwable> failing = () -> new IllegalArgumentException("bad argument");

    // when
    Throwable caught = thrownByDefendant(failing);

    // then
    assertThat(caught).as("the class should be kept").isExactlyInstanceOf(IllegalArgumentException.class);
    assertThat(caught).as("the judge should catch a copy").isNotSameAs(thrownInDefendant.get());
    assertThat(caught.getStackTrace())
        .as("the copy's stack should hold the defendant's frame where it was built")
        .anyMatch(frame -> frame.getClassName().startsWith(ErrorsCrossingTest.class.getName())
            && frame.getMethodName().startsWith("lambda$"));
  }
}
