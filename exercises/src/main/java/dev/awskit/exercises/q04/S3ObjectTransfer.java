package dev.awskit.exercises.q04;

import dev.awskit.exercises.NotImplementedYet;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads and downloads S3 objects. Complete this class. */
public class S3ObjectTransfer implements ObjectTransfer {

  private final S3Client s3;

  /** Creates the transfer around the given client. */
  public S3ObjectTransfer(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public boolean upload(Path file, String bucket, String key) {
    throw new NotImplementedYet(4);
  }

  @Override
  public boolean download(String bucket, String key, Path target) {
    throw new NotImplementedYet(4);
  }
}
