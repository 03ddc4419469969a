package dev.awskit.grader.hidden;

/**
 * Catches what a submission's code throws and names it in words a student reads.
 *
 * <p>A stub's {@link UnsupportedOperationException} always passes through, so a question not yet
 * implemented fails with its "not implemented yet" message rather than with a test's complaint
 * about the wrong exception.
 */
public final class Thrown {

  private Thrown() {}

  /**
   * Runs {@code call} and returns what it threw, or {@code null} when it returned normally.
   *
   * @throws UnsupportedOperationException the stub's "not implemented yet", unchanged
   */
  public static Throwable thrownBy(Runnable call) {
    try {
      call.run();
      return null;
    } catch (UnsupportedOperationException notImplemented) {
      throw notImplemented;
    } catch (RuntimeException thrown) {
      return thrown;
    }
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
