package dev.awskit.grader.engine;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.JavacTaskPool;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Makes javac's tasks, each on a new context or on one kept from an earlier task.
 *
 * <p>A new context reads again, for every task, the class files of the SDK and the JDK that the
 * sources use; in a batch that was more than half of javac's time. A kept context ({@link
 * Kept}) keeps those symbols and drops the ones the task's own sources declared, through the
 * JDK's {@code JavacTaskPool}, which JShell uses the same way. That pool keeps a package's
 * listing of the class path once made, and the packages the sources declared: a source that
 * declares a class the class path holds would hide that class from every later task, and a
 * package only a student declared would go on existing. So the caller says after each task
 * whether its context may be kept ({@code keep}), and drops it ({@link #drop}) before a task that
 * must start on a new one ({@code SourceCompiler} says when). A context is never kept after javac
 * threw.
 *
 * <p>{@link #open} gives a kept-context maker when the JVM exports javac's API package to the
 * grader (the jar's manifest does), and one that makes a new context for every task otherwise.
 */
sealed interface JavacContexts {

  /** Names the package of the JDK's context pool, which this JVM must export to the grader. */
  String POOL_PACKAGE = "com.sun.tools.javac.api";

  /**
   * Runs {@code work} on a new task and returns what it gave.
   *
   * @param watch a listener added to the task before {@code work} starts
   * @param keep tells, from what the work gave, whether the task's context may serve a later task
   */
  <T> T run(
      Writer log,
      JavaFileManager files,
      DiagnosticListener<? super JavaFileObject> diagnostics,
      Iterable<? extends JavaFileObject> sources,
      TaskListener watch,
      Function<JavacTask, T> work,
      Predicate<T> keep);

  /** Drops the context kept, if any: the next task starts on a new one. */
  void drop();

  /** Returns a maker of tasks on kept contexts when this JVM allows it, on new ones otherwise. */
  static JavacContexts open(JavaCompiler javac, List<String> options) {
    boolean exported =
        ModuleLayer.boot()
            .findModule("jdk.compiler")
            .map(module -> module.isExported(POOL_PACKAGE, JavacContexts.class.getModule()))
            .orElse(false);
    return exported ? new Kept(options) : new Fresh(javac, options);
  }

  /** Makes every task on a new context. */
  record Fresh(JavaCompiler javac, List<String> options) implements JavacContexts {

    @Override
    public <T> T run(
        Writer log,
        JavaFileManager files,
        DiagnosticListener<? super JavaFileObject> diagnostics,
        Iterable<? extends JavaFileObject> sources,
        TaskListener watch,
        Function<JavacTask, T> work,
        Predicate<T> keep) {
      JavacTask task = (JavacTask) javac.getTask(log, files, diagnostics, options, null, sources);
      task.addTaskListener(watch);
      return work.apply(task);
    }

    @Override
    public void drop() {
      // Nothing is kept.
    }
  }

  /**
   * Makes tasks on a context kept from the last task whose caller let it be kept. One context at
   * most is kept: a compiler serves one grader at a time. Every task must be given the same file
   * manager, since javac's class finder keeps the one it was first given; a caller that replaces
   * its file manager replaces its {@code Kept} too.
   */
  final class Kept implements JavacContexts {

    private final List<String> options;
    private JavacTaskPool pool = new JavacTaskPool(1);

    Kept(List<String> options) {
      this.options = List.copyOf(options);
    }

    @Override
    public <T> T run(
        Writer log,
        JavaFileManager files,
        DiagnosticListener<? super JavaFileObject> diagnostics,
        Iterable<? extends JavaFileObject> sources,
        TaskListener watch,
        Function<JavacTask, T> work,
        Predicate<T> keep) {
      try {
        return pool.getTask(
            log,
            files,
            diagnostics,
            options,
            null,
            sources,
            task -> {
              task.addTaskListener(watch);
              T value = work.apply(task);
              if (!keep.test(value)) {
                // The pool keeps a context only when the work returns: this drops it.
                throw new NotKept(value);
              }
              return value;
            });
      } catch (NotKept notKept) {
        @SuppressWarnings("unchecked")
        T value = (T) notKept.value;
        return value;
      }
    }

    @Override
    public void drop() {
      pool = new JavacTaskPool(1);
    }
  }

  /** Carries what a task gave past the pool, so that the pool drops the task's context. */
  final class NotKept extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object value;

    private NotKept(Object value) {
      super("the task's context is not kept", null, false, false);
      this.value = value;
    }
  }
}
