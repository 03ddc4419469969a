package dev.awskit.exercises.q09;

/**
 * Counts the outcome of {@link MessageQueue#sendBatch}.
 *
 * @param successful how many messages SQS accepted
 * @param failed how many messages SQS did not accept, per entry or because a whole request
 *     failed
 */
public record BatchResult(int successful, int failed) {

  /** Checks that neither count is negative. */
  public BatchResult {
    if (successful < 0 || failed < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: successful=" + successful + ", failed=" + failed);
    }
  }

  /** Returns how many messages were counted in all. */
  public int total() {
    return successful + failed;
  }
}
