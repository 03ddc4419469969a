package dev.awskit.grader.worker;

/**
 * Keeps the last characters of a text that grows without bound, such as what a worker JVM writes on
 * its error stream. Safe for use by several threads.
 */
final class TextTail {

  private final int limit;
  private final StringBuilder text = new StringBuilder();
  private long dropped;

  /** Creates a tail that keeps at most {@code limit} characters. */
  TextTail(int limit) {
    this.limit = limit;
  }

  /** Adds text at the end, dropping the oldest characters past the limit. */
  synchronized void append(CharSequence more) {
    text.append(more);
    int excess = text.length() - limit;
    if (excess > 0) {
      text.delete(0, excess);
      dropped += excess;
    }
  }

  /** Returns what is kept, marked when older text was dropped. */
  @Override
  public synchronized String toString() {
    return dropped > 0
        ? "[... " + dropped + " characters before this were dropped]\n" + text
        : text.toString();
  }
}
