package dev.awskit.exercises.q05;

import dev.awskit.exercises.Exercise;
import java.util.Optional;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Creates presigned URLs: links that let someone without AWS credentials download or upload one
 * S3 object until the link expires.
 *
 * <p>The rules are numbered (5.2 is rule 2 of question 5); each hidden test
 * names the rules it checks.
 *
 * <p><b>Constructor.</b> <b>5.1</b> The implementation has a public constructor taking the
 * {@link S3Presigner} to use. Never build a presigner yourself: the tests hand in their own.
 * Presigning is pure computation (the presigner signs the request with the credentials it holds
 * and makes no call to AWS), so nothing is sent to S3 here.
 *
 * <p><b>SDK operations.</b> <b>5.2</b> {@link PresignedOperation#GET} is signed with
 * {@link S3Presigner#presignGetObject(GetObjectPresignRequest) presignGetObject} around a
 * {@code GetObjectRequest} for the bucket and key. <b>5.3</b> {@link PresignedOperation#PUT} with
 * {@link S3Presigner#presignPutObject(PutObjectPresignRequest) presignPutObject} around a
 * {@code PutObjectRequest}. <b>5.4</b> The expiry goes into the presign request's
 * {@code signatureDuration}; the URL then carries it as its {@code X-Amz-Expires} parameter.
 * Either builder style (a request object or a {@code Consumer} of its builder) is fine.
 *
 * <p><b>Result.</b> <b>5.5</b> The URL as text: {@code presigned.url().toString()}. The method
 * never throws; when no URL can be made it returns {@link Optional#empty()} and, for a bad
 * argument, does not call the presigner at all.
 */
@Exercise(
    number = 5,
    title = "Presigned URLs for GET and PUT",
    implementation = "S3UrlPresigner",
    constructor = S3Presigner.class)
public interface UrlPresigner {

  /** The expiry, in seconds, of {@link #presign(String, String, PresignedOperation)}: one hour. */
  long DEFAULT_EXPIRY_SECONDS = 3_600;

  /** The shortest expiry S3 accepts for a presigned URL, in seconds. */
  long MIN_EXPIRY_SECONDS = 1;

  /** The longest expiry S3 accepts for a presigned URL (SigV4): seven days, in seconds. */
  long MAX_EXPIRY_SECONDS = 604_800;

  /**
   * Returns a presigned URL that allows {@code operation} on one object for
   * {@code expirySeconds} seconds.
   *
   * <p><b>5.6</b> Gives {@link Optional#empty()}, without calling the presigner, when
   * {@code bucket} or {@code key} is {@code null} or blank, or {@code operation} is {@code null}.
   * <b>5.7</b> Gives {@link Optional#empty()}, without calling the presigner, when
   * {@code expirySeconds} lies outside {@value #MIN_EXPIRY_SECONDS} ..
   * {@value #MAX_EXPIRY_SECONDS} (both ends allowed). <b>5.8</b> Gives {@link Optional#empty()} as
   * well when the presigner throws an {@code SdkException} (for example an {@code
   * SdkClientException} when it has no credentials) or an {@code IllegalArgumentException}; no
   * exception escapes.
   *
   * @param bucket the bucket name, sent as is
   * @param key the object key, sent as is
   * @param operation what the URL allows: download ({@code GET}) or upload ({@code PUT})
   * @param expirySeconds how long the URL stays valid, in seconds
   * @return the URL's text, or empty when it cannot be made
   */
  Optional<String> presign(
      String bucket, String key, PresignedOperation operation, long expirySeconds);

  /**
   * Returns a presigned URL that allows {@code operation} on one object for one hour
   * ({@value #DEFAULT_EXPIRY_SECONDS} seconds).
   *
   * <p><b>5.9</b> Behaves exactly like {@link #presign(String, String, PresignedOperation, long)}
   * called with {@link #DEFAULT_EXPIRY_SECONDS}.
   *
   * @param bucket the bucket name, sent as is
   * @param key the object key, sent as is
   * @param operation what the URL allows: download ({@code GET}) or upload ({@code PUT})
   * @return the URL's text, or empty when it cannot be made
   */
  Optional<String> presign(String bucket, String key, PresignedOperation operation);
}
