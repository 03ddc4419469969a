package dev.awskit.grader.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the hidden tests' sources for what ArchUnit cannot see in class files: the {@code //
 * when} of every test and the voice of every {@code .as(...)} description.
 */
class HiddenTestDialectTest {

  private static final Path HIDDEN = Path.of("src", "main", "java", "dev", "awskit", "grader", "hidden");

  /** A test method: its annotations, its name, its body up to the closing brace at two spaces. */
  private static final Pattern TEST_METHOD =
      Pattern.compile(
          "@(?:Test|ParameterizedTest)\\b.*?\\bvoid (\\w+)\\(.*?\\)\\s*(?:throws[^{]*)?\\{(.*?)\\n  }\\n",
          Pattern.DOTALL);

  /** The first text literal of an AssertJ description. */
  private static final Pattern DESCRIPTION = Pattern.compile("\\.as\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Words that make a description say what the contract expects, not just name a value. */
  private static final Pattern EXPECTATION = Pattern.compile("\\b(should|must|never)\\b");

  @Test
  void everyHiddenTestSaysWhenItActs() throws IOException {
    // given
    List<String> withoutWhen = new ArrayList<>();

    // when
    for (Path source : hiddenTestSources()) {
      Matcher method = TEST_METHOD.matcher(Files.readString(source));
      while (method.find()) {
        if (!method.group(2).contains("// when")) {
          withoutWhen.add(source.getFileName() + "#" + method.group(1));
        }
      }
    }

    // then
    assertThat(withoutWhen)
        .as("every hidden test should read // given, // when, // then; these have no // when")
        .isEmpty();
  }

  @Test
  void everyDescriptionSaysWhatTheContractExpects() throws IOException {
    // given
    List<String> bareLabels = new ArrayList<>();

    // when
    for (Path source : hiddenTestSources()) {
      Matcher description = DESCRIPTION.matcher(Files.readString(source));
      while (description.find()) {
        if (!EXPECTATION.matcher(description.group(1)).find()) {
          bareLabels.add(source.getFileName() + ": " + description.group(1));
        }
      }
    }

    // then
    assertThat(bareLabels)
        .as("every .as(...) of a hidden test should be a sentence saying what the contract"
            + " expects (with should, must or never), since AssertJ only adds expected/but was")
        .isEmpty();
  }

  @Test
  void theChecksReadEveryHiddenTest() throws IOException {
    // given
    int tests = 0;
    int read = 0;

    // when
    for (Path source : hiddenTestSources()) {
      String text = Files.readString(source);
      tests += Pattern.compile("@(?:Test|ParameterizedTest)\\b").matcher(text).results().count();
      read += TEST_METHOD.matcher(text).results().count();
    }

    // then
    assertThat(hiddenTestSources()).as("one hidden test class per question should be read").hasSize(12);
    assertThat(read).as("the check should read every test method of the twelve classes").isEqualTo(tests);
  }

  private static List<Path> hiddenTestSources() throws IOException {
    try (Stream<Path> files = Files.walk(HIDDEN)) {
      return files.filter(file -> file.getFileName().toString().endsWith("HiddenTest.java")).sorted().toList();
    }
  }
}
