package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that javac failing as a whole (out of stack, out of time) costs only the file it failed
 * on: the fixture submission's question 99 file carries a bomb generated here, question 98's file
 * still compiles, and this JVM goes on.
 */
class SourceCompilerBombTest {

  private static final Path GOOD = Path.of("src", "test", "resources", "fixture", "good");
  private static final String GREETER = "FriendlyGreeter.java";
  private static final String ADDER = "PlainAdder.java";

  static Stream<Arguments> bombs() {
    return Stream.of(
        Arguments.of(
            "120,000 nested parentheses (javac's parser overflows)",
            "static final int NESTED = " + "(".repeat(120_000) + "1" + ")".repeat(120_000) + ";"),
        Arguments.of(
            "a sum of 100,000 terms (javac's attribution overflows)",
            "int x = 1" + " + 1".repeat(100_000) + ";"),
        Arguments.of(
            "64,000 chained constants (javac's constant folding overflows)",
            "interface K {\n"
                + String.join(
                    "\n",
                    IntStream.range(0, 64_000)
                        .mapToObj(link -> "int a" + link + " = K.a" + (link + 1) + " + 1;")
                        .toList())
                + "\nint a64000 = 1;\n}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  void bombCostsOnlyItsFileWithAMessageAStudentUnderstands(
      String name, String bomb, @TempDir Path work) throws IOException {
    // given
    Path submission = submission(work.resolve("submission"), bomb);

    // when
    Compilation compilation =
        compile(submission, JavacThread.DEFAULT_TIME_LIMIT, work.resolve("classes"));

    // then
    assertThat(compilation.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.file()).isEqualTo(GREETER);
      assertThat(problem.question()).isEqualTo(99);
      assertThat(problem.messages()).singleElement().asString()
          .startsWith("The compiler could not compile your code: it ran out of stack space on "
              + GREETER + " (an expression nested too deeply, or too many chained constants).");
    });
    assertThat(compilation.compiled()).isEqualTo(1);
    assertThat(compilation.typesByQuestion()).containsOnlyKeys(98);
    assertThat(work.resolve("classes").resolve("dev/awskit/exercises/q98/PlainAdder.class"))
        .exists();
  }

  @Test
  void compileThatOutlastsTheTimeLimitCostsTheFilesItWasOn(@TempDir Path work)
      throws IOException {
    // given: no time at all, so javac is stopped at its first event on each file
    Path submission = submission(work.resolve("submission"), "");

    // when
    Compilation compilation =
        compile(submission, Duration.ZERO, work.resolve("classes"));

    // then
    assertThat(compilation.compiled()).isZero();
    assertThat(compilation.problems())
        .extracting(CompileProblem::file, CompileProblem::question)
        .containsExactly(
            tuple(GREETER, 99), tuple(ADDER, 98));
    assertThat(compilation.problems())
        .allSatisfy(problem -> assertThat(problem.messages()).singleElement().asString()
            .isEqualTo("The compiler could not compile your code: it did not finish "
                + problem.file() + " within 0 s. Simplify that code."));
  }

  /** Copies the fixture's good submission, with {@code bomb} added to its question 99 class. */
  private static Path submission(Path folder, String bomb) throws IOException {
    Files.createDirectories(folder);
    Files.copy(GOOD.resolve(ADDER), folder.resolve(ADDER));
    String greeter = Files.readString(GOOD.resolve("src").resolve(GREETER));
    int end = greeter.lastIndexOf('}');
    Files.writeString(
        folder.resolve(GREETER), greeter.substring(0, end) + bomb + "\n" + greeter.substring(end));
    return folder;
  }

  private static Compilation compile(Path submission, Duration limit, Path output)
      throws IOException {
    Files.createDirectories(output);
    try (SourceCompiler compiler =
        new SourceCompiler(
            FixtureCatalog.load(),
            GraderClassPath.entries(),
            SourceCompilerBombTest.class.getClassLoader(),
            limit)) {
      return compiler.compile(submission, SubmissionSources.javaSources(submission), output);
    }
  }
}
