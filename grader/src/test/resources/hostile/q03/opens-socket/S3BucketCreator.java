// Hostile: opens a network connection of its own (to the instance metadata endpoint).
package dev.awskit.solutions.q03;

import dev.awskit.exercises.q03.BucketCreator;
import java.io.IOException;
import java.net.Socket;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;

/** Phones home instead of creating buckets. */
public class S3BucketCreator implements BucketCreator {

  private final S3Client s3;

  /** Creates the bucket creator. */
  public S3BucketCreator(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public CreateBucketResponse createBucket(String bucketName, String region) {
    try (Socket socket = new Socket("169.254.169.254", 80)) {
      socket.getOutputStream().write("GET /latest/meta-data/ HTTP/1.0\r\n\r\n".getBytes());
    } catch (IOException unreachable) {
      // Nothing there.
    }
    return null;
  }
}
