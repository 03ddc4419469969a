package dev.awskit.grader.engine;

import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * Keeps javac's file managers from one submission to the next, so that the graders of a batch
 * open and index the SDK's jars once per thread instead of once per submission.
 *
 * <p>A grader borrows a compiler when it first compiles and gives it back when it is closed; a
 * compiler serves one grader at a time. What a compiler keeps is the index of the class path it
 * compiles against, which is the same for every student, and javac's symbols of that class path
 * ({@link JavacContexts}): each compile has its own sources and output folder, and a compiler
 * that javac failed inside replaces its file manager and contexts. Safe for use by several
 * threads at once.
 */
public final class CompilerPool implements AutoCloseable {

  private final Deque<SourceCompiler> idle = new ConcurrentLinkedDeque<>();

  /** Returns an idle compiler, or a new one from {@code newCompiler} when none is idle. */
  SourceCompiler borrow(Supplier<SourceCompiler> newCompiler) {
    SourceCompiler kept = idle.pollFirst();
    return kept != null ? kept : newCompiler.get();
  }

  /** Takes back a compiler its grader no longer uses. */
  void giveBack(SourceCompiler compiler) {
    idle.addFirst(compiler);
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
