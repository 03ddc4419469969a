package dev.awskit.exercises.q04;

import dev.awskit.exercises.Exercise;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads local files to S3 and downloads S3 objects to local files, reporting success as a
 * boolean instead of an exception.
 *
 * <p>The implementation receives its {@link S3Client} through its constructor
 * {@code S3ObjectTransfer(S3Client s3)} and never builds a client of its own.
 *
 * <p>The rules are numbered (4.2 is rule 2 of question 4); each hidden test
 * names the rules it checks.
 *
 * <h2>Contract of {@link #upload(Path, String, String)}</h2>
 * <ul>
 *   <li><b>4.1</b> It sends one {@code PutObject} request for {@code bucket} and {@code key} whose
 *       body is the file's bytes, through any {@link S3Client#putObject} overload (for example with
 *       {@code RequestBody.fromFile(file)}, or the overload that takes a {@link Path}).
 *   <li><b>4.2</b> It returns {@code true} when S3 accepts the object.
 *   <li><b>4.3</b> When {@code file} does not exist, it returns {@code false} without sending
 *       any request.
 *   <li><b>4.4</b> When it is not a regular file that can be read (a folder, for example), it
 *       returns {@code false} and no object is stored.
 *   <li><b>4.5</b> It returns {@code false}, and throws nothing, when S3 refuses the request
 *       ({@code S3Exception}), when S3 cannot be reached (any other {@code SdkException}, such
 *       as {@code SdkClientException}), or when reading the file fails ({@code IOException} or
 *       {@code UncheckedIOException}).
 * </ul>
 *
 * <h2>Contract of {@link #download(String, String, Path)}</h2>
 * <ul>
 *   <li><b>4.6</b> It sends one {@code GetObject} request for {@code bucket} and {@code key},
 *       through any {@link S3Client#getObject} overload or {@link S3Client#getObjectAsBytes}, and
 *       writes the object's bytes to {@code target} exactly as stored: objects may be binary, so
 *       never turn them into text.
 *   <li><b>4.7</b> An existing {@code target} file is replaced by the object. Beware:
 *       {@code ResponseTransformer.toFile(...)}, and so the overload
 *       {@code getObject(request, Path)}, refuses to write over a file that already exists.
 *   <li><b>4.8</b> It returns {@code true} when the whole object is in {@code target}.
 *   <li><b>4.9</b> It returns {@code false}, and throws nothing, when S3 refuses the request (for
 *       example {@code NoSuchKeyException} for a missing object), when S3 cannot be reached or the
 *       connection breaks in the middle of the object (any {@code SdkException}), or when
 *       reading or writing fails ({@code IOException} or {@code UncheckedIOException}).
 *   <li><b>4.10</b> After a failure, {@code target} is exactly as it was before the call: still
 *       absent if it did not exist, still holding its old content if it did. No partial file is
 *       left behind, neither under the target's name nor as a temporary file in the target's
 *       folder.
 *   <li><b>4.11</b> The target's folder must already exist; if it does not, the result is {@code
 *       false}.
 *   <li><b>4.12</b> It closes what the SDK hands back to be closed, on success and on failure
 *       alike: the {@code ResponseInputStream} of {@code getObject(request)} holds an open HTTP
 *       connection until it is closed (use try-with-resources). The overloads that take a
 *       {@code Path} or a {@code ResponseTransformer}, and {@code getObjectAsBytes}, close it
 *       for you.
 * </ul>
 *
 * <h2>Both methods</h2>
 * <ul>
 *   <li><b>4.13</b> A {@code null} path, or a {@code null} or blank bucket or key, gives an
 *       {@link IllegalArgumentException} before any request is sent.
 * </ul>
 */
@Exercise(
    number = 4,
    title = "Uploading and downloading objects",
    implementation = "S3ObjectTransfer",
    constructor = S3Client.class)
public interface ObjectTransfer {

  /**
   * Uploads the content of {@code file} as the object {@code key} in {@code bucket}.
   *
   * @param file the local file to upload, not null
   * @param bucket the bucket's name, not null or blank
   * @param key the object's key, not null or blank
   * @return {@code true} if S3 stored the object, {@code false} on any AWS or I/O failure
   * @throws IllegalArgumentException if an argument is null or blank
   */
  boolean upload(Path file, String bucket, String key);

  /**
   * Downloads the object {@code key} of {@code bucket} into the file {@code target}, replacing
   * the file if it exists.
   *
   * @param bucket the bucket's name, not null or blank
   * @param key the object's key, not null or blank
   * @param target the local file to write, not null; its folder must exist
   * @return {@code true} if the whole object was written to {@code target}, {@code false} on
   *     any AWS or I/O failure, in which case {@code target} is left as it was
   * @throws IllegalArgumentException if an argument is null or blank
   */
  boolean download(String bucket, String key, Path target);
}
