package dev.awskit.grader.defendant;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Connects an output stream to an input stream in memory, for any number of writing and reading
 * threads: unlike {@link java.io.PipedInputStream}, it does not break when a thread that wrote
 * ends. Closing either end makes the reader see the end of the stream once the bytes are read.
 */
final class MemoryPipe {

  private byte[] buffer = new byte[8192];
  private int start;
  private int end;
  private boolean closed;

  private final InputStream in =
      new InputStream() {
        @Override
        public int read() throws InterruptedIOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws InterruptedIOException {
          return take(into, offset, length);
        }

        @Override
        public void close() {
          MemoryPipe.this.close();
        }
      };

  private final OutputStream out =
      new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] from, int offset, int length) {
          put(from, offset, length);
        }

        @Override
        public void close() {
          MemoryPipe.this.close();
        }
      };

  /** Returns the end that reads what {@link #out()} wrote. */
  InputStream in() {
    return in;
  }

  /** Returns the end that writes what {@link #in()} reads. */
  OutputStream out() {
    return out;
  }

  /** Ends the stream: the reader gets what is left, then the end of the stream. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  private synchronized void put(byte[] from, int offset, int length) {
    if (closed) {
      return;
    }
    if (end + length > buffer.length) {
      byte[] grown = new byte[Math.max(buffer.length * 2, end - start + length)];
      System.arraycopy(buffer, start, grown, 0, end - start);
      end -= start;
      start = 0;
      buffer = grown;
    }
    System.arraycopy(from, offset, buffer, end, length);
    end += length;
    notifyAll();
  }

  private synchronized int take(byte[] into, int offset, int length)
      throws InterruptedIOException {
    if (length == 0) {
      return 0;
    }
    while (start == end && !closed) {
      try {
        wait();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException();
      }
    }
    if (start == end) {
      return -1;
    }
    int taken = Math.min(length, end - start);
    System.arraycopy(buffer, start, into, offset, taken);
    start += taken;
    return taken;
  }
}
