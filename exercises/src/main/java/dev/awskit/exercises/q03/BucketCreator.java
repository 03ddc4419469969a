package dev.awskit.exercises.q03;

import dev.awskit.exercises.Exercise;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;

/**
 * Creates S3 buckets in a chosen region.
 *
 * <p>The implementation receives its {@link S3Client} through its constructor
 * {@code S3BucketCreator(S3Client s3)} and never builds a client of its own.
 *
 * <h2>Contract</h2>
 *
 * <p>The rules are numbered (3.2 is rule 2 of question 3); each hidden test
 * names the rules it checks.
 *
 * <ul>
 *   <li><b>3.1</b> {@link #createBucket(String, String)} sends one {@code CreateBucket} request
 *       through {@link S3Client#createBucket}, for the bucket name exactly as given.
 *   <li><b>3.2</b> Region {@code us-east-1}: the request carries <strong>no</strong>
 *       {@code CreateBucketConfiguration} at all. That region is S3's default, and S3 refuses
 *       {@code us-east-1} as a location constraint with the error
 *       {@code InvalidLocationConstraint}.
 *   <li><b>3.3</b> Any other region: the request carries a {@code CreateBucketConfiguration} whose
 *       {@code LocationConstraint} is that region, for example {@code eu-west-1}.
 *   <li><b>3.4</b> It returns the {@link CreateBucketResponse} that S3 sent back, unchanged.
 *   <li><b>3.5</b> When S3 refuses the request (the SDK throws an
 *       {@link software.amazon.awssdk.services.s3.model.S3Exception S3Exception}, or one of its
 *       subclasses such as {@code BucketAlreadyExistsException}), it throws a
 *       {@link BucketCreationException} whose {@link BucketCreationException#errorCode()
 *       errorCode()} is the AWS error code ({@code awsErrorDetails().errorCode()}, or
 *       {@code null} when {@code awsErrorDetails()} is {@code null}).
 *   <li><b>3.6</b> That {@link BucketCreationException}'s cause is the {@code S3Exception}
 *       itself. It never swallows the failure.
 *   <li><b>3.7</b> Other failures, such as an {@code SdkClientException} when S3 cannot be reached,
 *       may propagate unchanged or be wrapped in a {@link BucketCreationException}; either way
 *       they are not swallowed.
 *   <li><b>3.8</b> A {@code null} or blank bucket name or region gives an {@link
 *       IllegalArgumentException} before any request is sent. The other naming rules (3 to 63
 *       characters, lower case letters, digits, dots and hyphens) need not be repeated here: the
 *       SDK checks them on the client and throws {@link IllegalArgumentException} itself.
 * </ul>
 */
@Exercise(
    number = 3,
    title = "Creating a bucket in a region",
    implementation = "S3BucketCreator",
    constructor = S3Client.class)
public interface BucketCreator {

  /**
   * Creates a bucket named {@code bucketName} in {@code region}.
   *
   * @param bucketName the bucket's name, not null or blank
   * @param region the region code, for example {@code us-east-1} or {@code eu-west-1}, not null
   *     or blank
   * @return the response of the {@code CreateBucket} call
   * @throws BucketCreationException if S3 refuses to create the bucket
   * @throws IllegalArgumentException if the name or the region is null or blank
   */
  CreateBucketResponse createBucket(String bucketName, String region);
}
