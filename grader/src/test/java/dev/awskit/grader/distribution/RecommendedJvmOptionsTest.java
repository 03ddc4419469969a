package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.cli.GraderCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Proves that every place that starts the grader, or tells an instructor how to, gives the JVM
 * options the grader names as recommended ({@link GraderCli#RECOMMENDED_JVM_OPTIONS}): what the
 * benchmark measures is what an installation runs.
 */
class RecommendedJvmOptionsTest {

  private static final String OPTIONS = String.join(" ", GraderCli.RECOMMENDED_JVM_OPTIONS);

  @Test
  void readmeAndPerformanceGuideGiveTheRecommendedOptions() throws IOException {
    // when
    String readme = oneLine(Repository.root().resolve("README.md"));
    String guide = oneLine(Repository.root().resolve("docs/performance.md"));

    // then
    assertThat(readme).as("README.md, on the grader's JVM").contains("`" + OPTIONS + "`");
    assertThat(guide)
        .as("docs/performance.md, Recommended JVM options")
        .contains("java " + OPTIONS + " \\");
  }

  @Test
  void containerImageAndBenchmarkScriptsStartTheGraderWithThem() throws IOException {
    // given
    Matcher entrypoint =
        Pattern.compile("<entrypoint>(.*?)</entrypoint>", Pattern.DOTALL)
            .matcher(Files.readString(Repository.root().resolve("image/pom.xml")));
    assertThat(entrypoint.find()).as("an entrypoint in image/pom.xml").isTrue();

    // when
    List<String> imageArguments =
        Pattern.compile("<arg>([^<]*)</arg>").matcher(entrypoint.group(1)).results()
            .map(argument -> argument.group(1))
            .toList();
    String compare = oneLine(Repository.root().resolve("benchmark/compare"));
    String sampler = oneLine(Repository.root().resolve("benchmark/sample-worker"));

    // then
    assertThat(imageArguments)
        .as("the image's entrypoint")
        .containsSequence(GraderCli.RECOMMENDED_JVM_OPTIONS);
    assertThat(imageArguments.indexOf(GraderCli.RECOMMENDED_JVM_OPTIONS.get(0)))
        .as("where the options stand in the image's entrypoint, before -jar")
        .isLessThan(imageArguments.indexOf("-jar"));
    assertThat(compare).as("benchmark/compare").contains("java " + OPTIONS + " \\");
    assertThat(sampler).as("benchmark/sample-worker").contains("java " + OPTIONS + " \\");
  }

  /** Returns the file's text with every run of white space, line ends too, made one space. */
  private static String oneLine(Path file) throws IOException {
    return Files.readString(file).replaceAll("\\s+", " ");
  }
}
