package dev.awskit.exercises.q05;

/** Names the S3 operation that a presigned URL allows. */
public enum PresignedOperation {

  /** Allows downloading the object: the URL is signed for S3's {@code GetObject}. */
  GET,

  /** Allows uploading the object: the URL is signed for S3's {@code PutObject}. */
  PUT
}
