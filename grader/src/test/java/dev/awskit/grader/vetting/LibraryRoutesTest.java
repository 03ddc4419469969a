package dev.awskit.grader.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.testing.Assembled;
import dev.awskit.grader.testing.Graded;
import dev.awskit.grader.testing.TestCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vets the reference solution and the faulty and variant cases that read and write JSON with
 * Jackson, which must pass, and the hostile cases that reach the JDK through Jackson, which must
 * not; each case replaces its question's file in the reference.
 */
class LibraryRoutesTest {

  private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");

  private final StaticVetting vetting = new StaticVetting();

  @Test
  @DisplayName("the reference solution passes the vetting, Jackson included")
  void referencePasses(@TempDir Path temp) throws IOException {
    Path sources = Assembled.reference(temp.resolve("sources"));

    VettingReport report =
        vetting.vet(TestCompiler.compile(sources, Files.createDirectories(temp.resolve("classes"))));

    assertThat(report.violations()).extracting(Violation::message).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jacksonCases")
  @DisplayName("the faulty and variant cases that use Jackson pass the vetting")
  void faultyAndVariantJacksonCasesPass(Path folder, @TempDir Path temp) throws IOException {
    int question = Assembled.questionOf(folder.getParent().getFileName() + "/");
    Path sources = Assembled.referenceWith(folder, question, temp.resolve("src"));

    VettingReport report =
        vetting.vet(TestCompiler.compile(sources, Files.createDirectories(temp.resolve("classes"))));

    assertThat(report.violations()).extracting(Violation::message).isEmpty();
  }

  static Stream<Path> jacksonCases() throws IOException {
    Path resources = Path.of("src", "test", "resources");
    List<Path> cases = new ArrayList<>();
    for (String corpus : List.of("faulty", "variants")) {
      for (String name : Assembled.cases(resources.resolve(corpus))) {
        Path folder = resources.resolve(corpus).resolve(name);
        try (Stream<Path> files = Files.list(folder)) {
          if (files.anyMatch(LibraryRoutesTest::usesJackson)) {
            cases.add(folder);
          }
        }
      }
    }
    return cases.stream();
  }

  private static boolean usesJackson(Path file) {
    try {
      return Files.readString(file).contains("com.fasterxml.jackson");
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          q04/jackson-mixin-file-write | library-reflection | calls ObjectMapper.addMixIn(Class, Class)
          q04/jackson-mixin-file-write | library-json-types | passes FileOutputStream.class to ObjectMapper.readValue(String, Class)
          q06/jackson-class-process    | library-json-types | passes Class.class to ObjectMapper.readValue(String, Class)
          q06/jackson-class-process    | library-reflection | calls ObjectMapper.addMixIn(Class, Class)
          q06/jackson-class-process    | library-json-types | a Class that is not written as a class literal
          q05/jackson-default-typing-halt | library-reflection | calls JsonMapper.Builder.activateDefaultTyping(PolymorphicTypeValidator, ObjectMapper.DefaultTyping)
          q05/jackson-default-typing-halt | library-reflection | uses ObjectMapper.DefaultTyping.EVERYTHING
          """)
  @DisplayName("a hostile case that reaches the JDK through Jackson is refused where it does so")
  void hostileCaseIsRefused(String name, String ruleId, String detail, @TempDir Path temp)
      throws IOException {
    int question = Assembled.questionOf(name);
    Path sources = Assembled.referenceWith(HOSTILE.resolve(name), question, temp.resolve("src"));
    String questionPackage = String.format("dev.awskit.solutions.q%02d.", question);

    VettingReport report =
        vetting.vet(TestCompiler.compile(sources, Files.createDirectories(temp.resolve("classes"))));

    String messages =
        report.violations().stream().map(Violation::message).collect(Collectors.joining("\n"));
    assertThat(report.violations())
        .as("violations of %s:%n%s", name, messages)
        .allSatisfy(
            violation -> {
              assertThat(violation.className()).startsWith(questionPackage);
              assertThat(violation.line()).isPositive();
            })
        .anySatisfy(
            violation -> {
              assertThat(violation.ruleId()).isEqualTo(ruleId);
              assertThat(violation.detail()).contains(detail);
            });
  }
}
