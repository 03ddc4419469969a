package dev.awskit.grader.engine;

import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Keeps javac's file managers from one submission to the next, so that the graders of a batch
 * open and index the SDK's jars once instead of once per submission.
 *
 * <p>A grader borrows a compiler to compile and vet one submission and gives it back as soon as
 * that is done; a compiler serves one grader at a time. What a compiler keeps is the index of the
 * class path it compiles against, which is the same for every student, and javac's symbols of that
 * class path ({@link JavacContexts}): each compile has its own sources and output folder, and a
 * compiler that javac failed inside replaces its file manager and contexts.
 *
 * <p>The pool lends at most as many compilers as its capacity, and a grader that finds them all
 * lent out waits for one, so that no more submissions are prepared at once. Every compiler reads
 * and completes javac's symbols of the SDK anew as it warms up (about a second of processor time
 * in a batch's first seconds, when the first worker starts too), while compiling and vetting a
 * submission takes a fraction of what a worker takes to test it: so a batch needs no more
 * compilers than workers testing at once ({@link SubmissionRunner#runsAtOnce()}). Safe for use by
 * several threads at once.
 */
public final class CompilerPool implements AutoCloseable {

  private final Deque<SourceCompiler> idle = new ConcurrentLinkedDeque<>();
  private final Semaphore lendable;

  /** Creates a pool with no bound on how many compilers are out at once. */
  public CompilerPool() {
    this(Integer.MAX_VALUE);
  }

  /**
   * Creates a pool that lends at most {@code capacity} compilers at once.
   *
   * @throws IllegalArgumentException when {@code capacity} is below 1
   */
  public CompilerPool(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "A compiler pool needs room for one compiler at least: " + capacity);
    }
    this.lendable = new Semaphore(capacity, true);
  }

  /**
   * Returns an idle compiler, or a new one from {@code newCompiler} when none is idle; waits while
   * as many compilers as the capacity are out. The wait is bounded by javac's time limit on the
   * compiles under way ({@link JavacThread}), so it is not interruptible.
   */
  SourceCompiler borrow(Supplier<SourceCompiler> newCompiler) {
    lendable.acquireUninterruptibly();
    SourceCompiler kept = idle.pollFirst();
    if (kept != null) {
      return kept;
    }
    try {
      return newCompiler.get();
    } catch (RuntimeException | Error unmade) {
      lendable.release();
      throw unmade;
    }
  }

  /** Takes back a compiler its grader no longer uses. */
  void giveBack(SourceCompiler compiler) {
    idle.addFirst(compiler);
    lendable.release();
  }

  /** Closes the idle compilers' file managers. */
  @Override
  public void close() {
    SourceCompiler compiler;
    while ((compiler = idle.pollFirst()) != null) {
      try {
        compiler.close();
      } catch (IOException unclosable) {
        // Closing only lets go of open jars, and the grade is done: nothing is lost.
      }
    }
  }
}
