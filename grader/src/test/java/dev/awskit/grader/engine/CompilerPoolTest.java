package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that a compiler kept from one submission to the next carries nothing of the first into
 * the second: only javac's index of the class path it compiles against.
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
          firstCompiler.compile(first, Grader.javaSources(first), classes(work, "first"));
      pool.giveBack(firstCompiler);

      // when
      SourceCompiler secondCompiler = pool.borrow(FixtureCatalog::compiler);
      Compilation secondCompiled =
          secondCompiler.compile(second, Grader.javaSources(second), classes(work, "second"));

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
