package dev.awskit.exercises.q03;

import java.io.Serial;

/**
 * Reports that S3 refused to create a bucket.
 *
 * <p>It keeps the AWS error code, so a caller can tell {@code BucketAlreadyExists} (the name is
 * taken by someone else) from {@code BucketAlreadyOwnedByYou} or {@code AccessDenied}, and the
 * original exception as its cause.
 */
public class BucketCreationException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  private final String errorCode;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, in plain words
   * @param errorCode the AWS error code of the failure, for example {@code BucketAlreadyExists},
   *     or {@code null} when S3 sent none
   * @param cause the exception the SDK threw
   */
  public BucketCreationException(String message, String errorCode, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /**
   * Returns the AWS error code of the failure.
   *
   * @return the code, for example {@code BucketAlreadyExists}, or {@code null} when S3 sent none
   */
  public String errorCode() {
    return errorCode;
  }
}
