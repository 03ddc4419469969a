package dev.awskit.grader.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes lines to a worker's input in the order they are given, without making the grader wait
 * for the worker's JVM to start: the opening lines (the nonce and the preamble, whose hidden
 * classes fill the pipe many times over) go out on a thread of their own, and lines given
 * meanwhile queue behind them. Once the opening is written, lines go out on the caller's thread.
 *
 * <p>A line that cannot be written is dropped: the worker is gone, its output ends too, and the
 * reader of its output reports that.
 */
final class WorkerInput {

  private final OutputStream out;
  private final Thread opener;

  /** Lines given while the opening is written; null once it is written. Guarded by this. */
  private List<String> queued = new ArrayList<>();

  /** Whether the input is to end; the opener ends it when it is done. Guarded by this. */
  private boolean closed;

  private WorkerInput(OutputStream out, List<String> opening, String name) {
    this.out = out;
    this.opener = new Thread(() -> writeOpening(opening), name);
    opener.setDaemon(true);
  }

  /** Starts writing {@code opening} to {@code out} on a thread called {@code name}. */
  static WorkerInput open(OutputStream out, List<String> opening, String name) {
    WorkerInput input = new WorkerInput(out, List.copyOf(opening), name);
    input.opener.start();
    return input;
  }

  /** Writes {@code line} after every line given before it; drops it once the input is closed. */
  void write(String line) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queued != null) {
        queued.add(line);
        return;
      }
    }
    writeNow(line);
  }

  /**
   * Ends the input after the lines given so far: at once, or, while the opening is still being
   * written (a worker that has not read it yet), once the opener has written them, so that closing
   * never waits for the worker. Lines given later are dropped.
   */
  void close() {
    synchronized (this) {
      closed = true;
      if (queued != null) {
        return;
      }
    }
    closeNow();
  }

  private void writeOpening(List<String> opening) {
    opening.forEach(this::writeNow);
    while (true) {
      List<String> next;
      synchronized (this) {
        if (queued.isEmpty()) {
          queued = null;
          break;
        }
        next = queued;
        queued = new ArrayList<>();
      }
      next.forEach(this::writeNow);
    }
    synchronized (this) {
      if (!closed) {
        return;
      }
    }
    closeNow();
  }

  private void writeNow(String line) {
    try {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException ended) {
      // The worker is gone; the reader of its output reports that.
    }
  }

  private void closeNow() {
    try {
      out.close();
    } catch (IOException alreadyGone) {
      // Nothing to close.
    }
  }
}
