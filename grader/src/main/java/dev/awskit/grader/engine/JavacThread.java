package dev.awskit.grader.engine;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs javac tasks each on a thread of its own, so that javac running out of stack or memory,
 * failing inside, or taking too long ends that task with a {@link CompilerFailure} and not the
 * grader.
 *
 * <p>javac catches what it throws itself (a {@link StackOverflowError} too) and prints it to its
 * log; {@code parse()} rethrows it wrapped, {@code call()} only returns {@code false}. A listener
 * notes which source javac works on, and stops javac at its next event once the time limit has
 * passed. javac cannot be interrupted: one stuck inside a single step is left running on its
 * daemon thread (a core and its memory, until it ends or the grader does) and the grade goes on.
 */
final class JavacThread {

  /** The time javac gets for one task unless the grader is told otherwise. */
  static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

  /**
   * The thread's stack: 16 times the JVM's default. It compiles 40,000 nested parentheses (a 1
   * MiB stack fails at 3,000, while people write a few dozen), and bombs of 100,000 terms or
   * 120,000 parentheses overflow it within 2 s; with 64 MiB they compiled, in up to 50 s.
   */
  static final long STACK_BYTES = 16L * 1024 * 1024;

  /** How long to wait for javac to reach its next event after the time limit has passed. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private static final Pattern THROWN =
      Pattern.compile("^\\s*((?:[\\w$]+\\.)+[\\w$]*(?:Error|Exception)\\b.*)$", Pattern.MULTILINE);
  private static final int MAX_DETAIL = 200;

  private final Duration timeLimit;
  private final Duration grace;

  /**
   * Creates a runner that gives each task {@code timeLimit}, and abandons a task that has not
   * ended {@code grace} later.
   */
  JavacThread(Duration timeLimit, Duration grace) {
    this.timeLimit = timeLimit;
    this.grace = grace;
  }

  /** Returns how long one task may take. */
  Duration timeLimit() {
    return timeLimit;
  }

  /**
   * Runs {@code job} on a thread of its own and returns what it gave, or how javac failed.
   *
   * @param job makes a task, adds the given listener to it and works on it; it is given the log
   *     javac must print to, and throws {@link EndedAbnormally} when {@code call()} returned
   *     {@code false} without reporting an error
   */
  <T> Ending<T> run(BiFunction<Writer, TaskListener, T> job) {
    StringWriter log = new StringWriter();
    Watch watch = new Watch(System.nanoTime() + timeLimit.toNanos());
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.complete(job.apply(log, watch));
              } catch (Throwable failed) {
                result.completeExceptionally(failed);
              }
            },
            "awskit-javac",
            STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    try {
      return new Ending.Done<>(
          result.get(timeLimit.plus(grace).toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException stuck) {
      watch.cancel();
      return failed(CompilerFailure.Kind.TIME, watch, "");
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof UncheckedIOException unreadable) {
        throw unreadable; // The grader's own fault, not javac's.
      }
      return failed(failed.getCause(), log.toString(), watch);
    } catch (InterruptedException interrupted) {
      watch.cancel();
      Thread.currentThread().interrupt();
      throw new CancellationException("The grader was interrupted while it compiled.");
    }
  }

  private static <T> Ending<T> failed(Throwable thrown, String log, Watch watch) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof StackOverflowError) {
        return failed(CompilerFailure.Kind.STACK, watch, "");
      }
      if (cause instanceof OutOfMemoryError) {
        return failed(CompilerFailure.Kind.MEMORY, watch, "");
      }
      if (cause instanceof CancellationException) {
        return failed(CompilerFailure.Kind.TIME, watch, "");
      }
    }
    if (!(thrown instanceof EndedAbnormally)) {
      return failed(CompilerFailure.Kind.INTERNAL, watch, detail(String.valueOf(thrown)));
    }
    // javac printed what it threw; class names are not translated, the rest of its log may be.
    if (log.contains(StackOverflowError.class.getName())) {
      return failed(CompilerFailure.Kind.STACK, watch, "");
    }
    if (log.contains(OutOfMemoryError.class.getName())) {
      return failed(CompilerFailure.Kind.MEMORY, watch, "");
    }
    Matcher named = THROWN.matcher(log);
    return failed(
        CompilerFailure.Kind.INTERNAL, watch, detail(named.find() ? named.group(1) : "unknown"));
  }

  private static <T> Ending<T> failed(CompilerFailure.Kind kind, Watch watch, String detail) {
    return new Ending.Failed<>(new CompilerFailure(kind, watch.file(), detail));
  }

  private static String detail(String thrown) {
    String line = thrown.strip().lines().findFirst().orElse("");
    return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
  }

  /** Tells how a task ended. */
  sealed interface Ending<T> {

    /** Holds what the work gave. */
    record Done<T>(T value) implements Ending<T> {}

    /** Holds how javac failed. */
    record Failed<T>(CompilerFailure failure) implements Ending<T> {}
  }

  /** Signals that javac's {@code call()} failed without reporting an error: it threw. */
  static final class EndedAbnormally extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndedAbnormally() {
      super("javac ended abnormally", null, false, false);
    }
  }

  /** Notes the source javac works on, and stops javac once the time limit has passed. */
  private static final class Watch implements TaskListener {
    private final long deadline;
    private volatile boolean cancelled;
    private volatile Path file;

    Watch(long deadline) {
      this.deadline = deadline;
    }

    // javac lowers and generates a class after its ANALYZE event has finished: note both ends.
    @Override
    public void started(TaskEvent event) {
      note(event);
    }

    @Override
    public void finished(TaskEvent event) {
      note(event);
    }

    private void note(TaskEvent event) {
      Path source = SourcePaths.fileOf(event.getSourceFile());
      if (source != null) {
        file = source;
      }
      if (cancelled || System.nanoTime() - deadline >= 0) {
        cancelled = true;
        throw new CancellationException("The time limit for compiling has passed.");
      }
    }

    void cancel() {
      cancelled = true;
    }

    Path file() {
      return file;
    }
  }
}
