package dev.awskit.grader.defendant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a stream that lives on the other side, one crossing per read. */
final class RemoteInputStream extends InputStream {

  private final StreamAccess access;

  RemoteInputStream(StreamAccess access) {
    this.access = access;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int read = read(one, 0, 1);
    return read < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    byte[] bytes;
    try {
      bytes = access.read(length);
    } catch (UncheckedIOException failed) {
      throw failed.getCause();
    }
    if (bytes == null) {
      return -1;
    }
    int read = Math.min(bytes.length, length);
    System.arraycopy(bytes, 0, buffer, offset, read);
    return read;
  }

  @Override
  public void close() throws IOException {
    try {
      access.close();
    } catch (UncheckedIOException failed) {
      throw failed.getCause();
    }
  }
}
