package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that a compiler kept from one submission to the next carries nothing of the first into
 * the second, only javac's index of the class path it compiles against; and that a pool lends no
 * more compilers than its capacity, each for one submission's compile and vetting.
 */
class CompilerPoolTest {

  @Test
  void keptCompilerServesTheNextSubmissionWithoutTheClassesOfTheLastOne(@TempDir Path work)
      throws IOException {
    // given: the first student writes a helper class, the second uses one without writing it
    Path first =
        source(work.resolve("first"), "Helper", "public class Helper { static int two() { return 2; } }");
    Path second =
        source(work.resolve("second"), "User", "public class User { int four() { return Helper.two() * 2; } }");
    try (CompilerPool pool = new CompilerPool()) {
      SourceCompiler firstCompiler = pool.borrow(FixtureCatalog::compiler);
      Compilation firstCompiled =
          firstCompiler.compile(
              first, SubmissionSources.javaSources(first), classes(work, "first"));
      pool.giveBack(firstCompiler);

      // when
      SourceCompiler secondCompiler = pool.borrow(FixtureCatalog::compiler);
      Compilation secondCompiled =
          secondCompiler.compile(
              second, SubmissionSources.javaSources(second), classes(work, "second"));

      // then
      assertThat(secondCompiler).as("the compiler the pool kept").isSameAs(firstCompiler);
      assertThat(firstCompiled.problems()).isEmpty();
      assertThat(secondCompiled.problems())
          .singleElement()
          .satisfies(problem -> assertThat(String.join("\n", problem.messages())).contains("Helper"));
    }
  }

  @Test
  void compilerBorrowedWhileAnotherIsOutIsANewOne() {
    // given
    try (CompilerPool pool = new CompilerPool()) {
      SourceCompiler out = pool.borrow(FixtureCatalog::compiler);

      // when
      SourceCompiler other = pool.borrow(FixtureCatalog::compiler);

      // then
      assertThat(other).isNotSameAs(out);
      pool.giveBack(out);
      pool.giveBack(other);
    }
  }

  @Test
  void borrowWaitsWhileEveryCompilerIsLentOutAndThenGetsTheOneGivenBack() throws Exception {
    // given: a pool with room for one compiler, lent out
    try (CompilerPool pool = new CompilerPool(1)) {
      SourceCompiler out = pool.borrow(FixtureCatalog::compiler);

      // when: another grader asks for one
      CompletableFuture<SourceCompiler> second = new CompletableFuture<>();
      Thread borrower = new Thread(() -> second.complete(pool.borrow(FixtureCatalog::compiler)));
      borrower.setDaemon(true);
      borrower.start();
      boolean waited = waitsInBorrow(borrower);
      pool.giveBack(out);

      // then
      assertThat(waited)
          .as("whether the second borrower waited while the one compiler was out")
          .isTrue();
      assertThat(second.get(30, TimeUnit.SECONDS))
          .as("what the second borrower got once it was given back")
          .isSameAs(out);
      pool.giveBack(out);
    }
  }

  @Test
  void graderGivesItsCompilerBackBeforeTheTestsRun() throws Exception {
    // given: a pool with room for one compiler, and a runner that asks it for one as tests start
    Catalog catalog =
        Catalog.scan(Catalog.CONTRACTS_PACKAGE, Catalog.HIDDEN_TESTS_PACKAGE, 98, 99);
    try (CompilerPool pool = new CompilerPool(1)) {
      CompletableFuture<SourceCompiler> lentDuringTheRun = new CompletableFuture<>();
      AtomicBoolean asked = new AtomicBoolean();
      SubmissionRunner askingRunner =
          (request, events) -> {
            if (asked.compareAndSet(false, true)) {
              Thread borrower =
                  new Thread(
                      () -> lentDuringTheRun.complete(pool.borrow(FixtureCatalog::compiler)));
              borrower.setDaemon(true);
              borrower.start();
              lentDuringTheRun.completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
            }
          };

      // when
      try (Grader grader =
          new Grader(catalog, askingRunner, Clock.systemUTC(), pool, ScratchSpace.systemTemp())) {
        grader.grade(
            new SubmissionSource.SourceFolder(
                Path.of("src", "test", "resources", "fixture", "good")),
            RunSettings.defaults());
      }

      // then
      assertThat(lentDuringTheRun.get())
          .as("the compiler lent to another grader while this grader's tests ran")
          .isNotNull();
      pool.giveBack(lentDuringTheRun.get());
    }
  }

  /** Tells whether {@code borrower} comes to wait in the pool's borrow before it ends. */
  private static boolean waitsInBorrow(Thread borrower) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && borrower.isAlive()) {
      if (borrower.getState() == Thread.State.WAITING && isIn(borrower, "borrow")) {
        return true;
      }
      Thread.onSpinWait();
    }
    return false;
  }

  private static boolean isIn(Thread thread, String method) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().equals(CompilerPool.class.getName())
          && frame.getMethodName().equals(method)) {
        return true;
      }
    }
    return false;
  }

  private static Path source(Path folder, String type, String code) throws IOException {
    Path file = folder.resolve("dev/awskit/exercises/q99/" + type + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package dev.awskit.exercises.q99;\n\n" + code + "\n");
    return folder;
  }

  private static Path classes(Path work, String student) throws IOException {
    return Files.createDirectories(work.resolve("classes-" + student));
  }
}
