package dev.awskit.grader.defendant;

/**
 * Reads a stream that stays on the side that made it: a response body the double serves, or the
 * stream a submission's response transformer returns. Each read crosses once, with the size the
 * reader asked for, so a double that watches how its stream is read sees the same reads.
 */
interface StreamAccess {

  /** Returns at most {@code max} bytes, an empty array for none yet, or null at the end. */
  byte[] read(int max);

  /** Closes the stream. */
  void close();

  /** Aborts the stream, where it can be aborted. */
  void abort();
}
