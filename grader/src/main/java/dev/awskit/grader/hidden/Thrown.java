package dev.awskit.grader.hidden;

import dev.awskit.exercises.NotImplementedYet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Catches what a submission's code throws and names it in words a student reads.
 *
 * <p>A stub's {@link NotImplementedYet} always passes through, so a question not yet implemented
 * fails as "not implemented" rather than with a test's complaint about the wrong exception. Any
 * other exception, an {@link UnsupportedOperationException} of the student's own included, is
 * caught and judged like the rest.
 */
public final class Thrown {

  private Thrown() {}

  /**
   * Runs {@code call} and returns what it threw, or {@code null} when it returned normally.
   *
   * @throws NotImplementedYet the stub's exception, unchanged
   */
  public static Throwable thrownBy(Runnable call) {
    try {
      call.run();
      return null;
    } catch (NotImplementedYet notImplemented) {
      throw notImplemented;
    } catch (RuntimeException thrown) {
      return thrown;
    }
  }

  /**
   * Runs {@code call} and returns its result; fails with a sentence the student reads when it
   * throws or returns null: what was called, what happened, and then {@code contract}, which says
   * what the contract expects instead (such as {@code "presign never throws; it returns an empty
   * Optional when no URL can be made"}).
   *
   * @throws NotImplementedYet the stub's exception, unchanged
   */
  public static <T> T resultOf(String described, String contract, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (NotImplementedYet notImplemented) {
      throw notImplemented;
    } catch (AwsServiceException refused) {
      throw new AssertionError(described + refusal(refused) + "; " + contract, refused);
    } catch (RuntimeException thrown) {
      throw new AssertionError(
          described + " threw " + describe(thrown) + "; " + contract, thrown);
    }
    if (result == null) {
      throw new AssertionError(described + " returned null; " + contract);
    }
    return result;
  }

  /**
   * Says how a service error ended a call: a {@code ValidationException} is the double refusing a
   * request the service would refuse too, which the student must read as such.
   */
  private static String refusal(AwsServiceException refused) {
    if (refused.awsErrorDetails() != null
        && "ValidationException".equals(refused.awsErrorDetails().errorCode())) {
      return " sent a request the service refuses, as it would in production (ValidationException: "
          + refused.awsErrorDetails().errorMessage() + ")";
    }
    return " threw " + describe(refused);
  }

  /**
   * Runs {@code call} and fails, with a sentence the student reads, unless it throws {@code
   * failure}, the exception the double threw, itself or as the cause of what it throws.
   */
  public static void expectPropagated(String described, RuntimeException failure, Runnable call) {
    Throwable thrown = thrownBy(call);
    if (thrown == null) {
      throw new AssertionError(
          described + " returned normally although the service threw " + describe(failure)
              + "; the contract says that exception propagates");
    }
    if (chainOf(thrown).stream().anyMatch(cause -> cause == failure)) {
      return;
    }
    throw new AssertionError(
        described + " threw " + describe(thrown) + " instead of letting the service's "
            + describe(failure) + " propagate",
        thrown);
  }

  /**
   * Returns {@code thrown} and its causes, outermost first, each once: a submission can make its
   * exceptions each other's causes, and a walk that trusted the chain to end would never return.
   */
  public static List<Throwable> chainOf(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }

  /**
   * Names an exception by its simple class name and, when it has one, its message in parentheses:
   * {@code NoSuchBucketException (The specified bucket does not exist)}.
   */
  public static String describe(Throwable thrown) {
    String message = thrown.getMessage();
    return thrown.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  /**
   * Runs {@code call} and fails, with a message that starts with {@code described}, unless it
   * throws an {@link IllegalArgumentException}.
   */
  public static void expectIllegalArgument(String described, Runnable call) {
    Throwable thrown = thrownBy(call);
    if (thrown == null) {
      throw new AssertionError(described + " should throw IllegalArgumentException but returned");
    }
    if (!(thrown instanceof IllegalArgumentException)) {
      throw new AssertionError(
          described + " should throw IllegalArgumentException but threw " + describe(thrown),
          thrown);
    }
  }

  /**
   * Says how a call ended, for a message that reads "..., but " followed by it: {@code it
   * returned normally} for {@code null}, otherwise {@code it threw} and {@link #describe}.
   */
  public static String outcome(Throwable thrown) {
    return thrown == null ? "it returned normally" : "it threw " + describe(thrown);
  }
}
