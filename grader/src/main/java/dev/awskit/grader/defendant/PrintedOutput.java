package dev.awskit.grader.defendant;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Keeps the beginning of what the submission prints, standard output and error mixed in order,
 * and counts all of it, until the judge takes it at the end of a test.
 */
final class PrintedOutput extends OutputStream {

  private final int keptBytes;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long bytes;

  PrintedOutput(int keptBytes) {
    this.keptBytes = keptBytes;
  }

  @Override
  public synchronized void write(int b) {
    bytes++;
    if (kept.size() < keptBytes) {
      kept.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] buffer, int offset, int length) {
    bytes += length;
    int room = keptBytes - kept.size();
    if (room > 0) {
      kept.write(buffer, offset, Math.min(room, length));
    }
  }

  /** Returns what was printed since the last call, as its kept text and its count of bytes. */
  synchronized List<Object> take() {
    List<Object> printed = List.of(kept.toString(StandardCharsets.UTF_8), bytes);
    kept.reset();
    bytes = 0;
    return printed;
  }
}
