package dev.awskit.grader.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Holds one running worker JVM from the grader's side: its sandbox folder, the pipe jobs go down,
 * and the messages that come back, read on threads of their own so that the grader can wait for
 * them with a deadline.
 *
 * <p>Only framed lines (see {@link Frames}) become messages; everything else the worker's standard
 * output and error carry is kept, bounded, to explain a crash. A line longer than the bound is
 * dropped as a whole, so a submission that writes without end costs the grader neither memory nor a
 * wrong message.
 */
final class WorkerProcess implements AutoCloseable {

  /** Bounds a frame: a test's feedback, trace and printed output fit many times over. */
  private static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

  private static final int KEPT_OUTPUT_CHARS = 8 * 1024;

  /** Starts an input line that asks the worker to confirm a token, rather than run a job. */
  static final String SYNC = "sync ";

  private final Process process;
  private final ConfinedWorker confined;
  private final Sandbox sandbox;
  private final Frames frames;
  private final WorkerInput input;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final TextTail errorOutput = new TextTail(KEPT_OUTPUT_CHARS);
  private final TextTail strayOutput = new TextTail(KEPT_OUTPUT_CHARS);
  private final List<Thread> readers;

  private WorkerProcess(
      Process process, ConfinedWorker confined, Sandbox sandbox, Frames frames, String nonce) {
    this.process = process;
    this.confined = confined;
    this.sandbox = sandbox;
    this.frames = frames;
    List<String> opening = new ArrayList<>();
    opening.add(nonce);
    opening.addAll(confined.preamble());
    String name = "awskit-worker-" + process.pid();
    this.input = WorkerInput.open(process.getOutputStream(), opening, name + "-in");
    this.readers =
        List.of(
            daemon(name + "-out", this::readFrames), daemon(name + "-err", this::readErrors));
    readers.forEach(Thread::start);
  }

  /**
   * Starts a confined worker JVM (its environment replaces the grader's own) in the working folder
   * of {@code sandbox}, and hands it {@code nonce} and the confinement's preamble, without waiting
   * for the JVM to read them.
   *
   * @throws UncheckedIOException when the process cannot be started at all
   */
  static WorkerProcess start(ConfinedWorker confined, Sandbox sandbox, String nonce) {
    ProcessBuilder builder =
        new ProcessBuilder(confined.command()).directory(sandbox.work().toFile());
    builder.environment().clear();
    builder.environment().putAll(confined.environment());
    try {
      return new WorkerProcess(builder.start(), confined, sandbox, new Frames(nonce), nonce);
    } catch (IOException unstartable) {
      confined.slot().ifPresent(UidSlots.Slot::close);
      sandbox.delete();
      throw new UncheckedIOException(
          "Cannot start a worker JVM: " + confined.command().get(0), unstartable);
    }
  }

  /** Returns the worker's sandbox. */
  Sandbox sandbox() {
    return sandbox;
  }

  /**
   * Tells whether the worker's JVM (with the confining tool's own helpers) is the only process of
   * the worker alive: nothing the submission started runs on.
   */
  boolean aloneAlive() {
    return process.isAlive() && confined.others(process.toHandle()) == 0;
  }

  /** Asks the worker to confirm {@code token}; its answer comes through {@link #next}. */
  void sync(String token) {
    input.write(SYNC + token);
  }

  /** Sends a job; a worker that has ended already is noticed by {@link #next}. */
  void send(WorkerJob job) {
    input.write(frames.job(job));
  }

  /**
   * Waits up to {@code timeoutNanos} for the next message; returns {@link Received.Ended} when the
   * worker's output ended (the process is ending), and empty when the time passed.
   */
  Optional<Received> next(long timeoutNanos) throws InterruptedException {
    return Optional.ofNullable(received.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS));
  }

  /**
   * Ends the worker: lets it end on its own when {@code gently} (its input ends, and an idle worker
   * halts then), or kills it; then ends every process it started, wherever they went, and deletes
   * its sandbox. Nothing of the submission is alive when it returns.
   */
  WorkerEnd stop(boolean gently) {
    boolean killed = false;
    int leftProcesses = 0;
    // Listed before the worker can end: once it has, what it started is nobody's descendant.
    List<ProcessHandle> started = process.descendants().toList();
    input.close();
    try {
      if (!gently || !process.waitFor(2, TimeUnit.SECONDS)) {
        killed = process.isAlive();
      }
      leftProcesses = confined.endAll(process.toHandle(), started);
      process.waitFor(10, TimeUnit.SECONDS);
      for (Thread reader : readers) {
        reader.join(1_000);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    sandbox.delete();
    int exitCode = process.isAlive() ? -1 : process.exitValue();
    return new WorkerEnd(
        exitCode, killed, errorOutput.toString(), strayOutput.toString(), leftProcesses);
  }

  @Override
  public void close() {
    stop(false);
  }

  /** Tells whether the worker's process is still running. */
  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Empties the worker's sandbox folders, so that the next submission finds none of the files the
   * last one left; returns false if something could not be deleted.
   */
  boolean clearSandbox() {
    return sandbox.clear();
  }

  private void readFrames() {
    try (InputStream out = process.getInputStream()) {
      LineReader lines = new LineReader(out, MAX_LINE_BYTES);
      Optional<String> line;
      while ((line = lines.next()).isPresent()) {
        Optional<WorkerMessage> message = frames.read(line.get());
        if (message.isPresent()) {
          received.add(new Received.Message(message.get()));
        } else if (!line.get().isEmpty()) {
          strayOutput.append(line.get() + "\n");
        }
      }
    } catch (IOException ended) {
      // The process went away: the same as the end of its output.
    } finally {
      received.add(new Received.Ended());
    }
  }

  private void readErrors() {
    byte[] buffer = new byte[8192];
    try (InputStream err = process.getErrorStream()) {
      int read;
      while ((read = err.read(buffer)) >= 0) {
        errorOutput.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
      }
    } catch (IOException ended) {
      // Nothing more to read.
    }
  }

  private static Thread daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    return thread;
  }

  /** Holds what the reader hands to the grader: a message, or the end of the output. */
  sealed interface Received {

    /** Holds a message of the worker. */
    record Message(WorkerMessage message) implements Received {}

    /** Marks the end of the worker's output: it has ended or is ending. */
    record Ended() implements Received {}
  }

  /** Reads lines of at most a bounded length; longer lines are dropped whole. */
  private static final class LineReader {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    LineReader(InputStream in, int maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    Optional<String> next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean overlong = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            return line.size() > 0 && !overlong
                ? Optional.of(line.toString(StandardCharsets.UTF_8))
                : Optional.empty();
          }
        }
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        int length = position - start;
        if (!overlong && line.size() + length > maxBytes) {
          overlong = true;
          line.reset();
        }
        if (!overlong) {
          line.write(buffer, start, length);
        }
        if (position < limit) {
          position++;
          if (overlong) {
            overlong = false;
            line.reset();
            continue;
          }
          return Optional.of(line.toString(StandardCharsets.UTF_8));
        }
      }
    }
  }
}
