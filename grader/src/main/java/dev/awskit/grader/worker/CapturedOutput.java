package dev.awskit.grader.worker;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Takes the place of {@code System.out} and {@code System.err} in a worker JVM: keeps the first
 * bytes a submission prints during one test and only counts the rest, so that a flood of output
 * costs neither memory nor time and never reaches the grader's own channel.
 *
 * <p>Safe for use by several threads: a submission may print from any thread.
 */
final class CapturedOutput extends OutputStream {

  private final byte[] kept;
  private int keptLength;
  private long total;

  /** Creates an output that keeps at most {@code keptBytes} bytes per test. */
  CapturedOutput(int keptBytes) {
    this.kept = new byte[keptBytes];
  }

  /** Forgets what was printed so far: a test starts. */
  synchronized void begin() {
    keptLength = 0;
    total = 0;
  }

  /** Returns what was printed since {@link #begin()}, and forgets it. */
  synchronized Printed end() {
    Printed printed = new Printed(decode(Arrays.copyOf(kept, keptLength)), total);
    begin();
    return printed;
  }

  @Override
  public synchronized void write(int b) {
    if (keptLength < kept.length) {
      kept[keptLength++] = (byte) b;
    }
    total++;
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > bytes.length) {
      throw new IndexOutOfBoundsException();
    }
    int copied = Math.min(length, kept.length - keptLength);
    if (copied > 0) {
      System.arraycopy(bytes, offset, kept, keptLength, copied);
      keptLength += copied;
    }
    total += length;
  }

  /** Decodes kept bytes, dropping a character cut in two at the end. */
  private static String decode(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Holds what a submission printed during one test.
   *
   * @param text the kept beginning
   * @param bytes how many bytes were printed in all
   */
  record Printed(String text, long bytes) {}
}
