package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the instructor guide's Kubernetes section true: the command it shows runs as written, and
 * the kubectl commands it lists are the ones the command prints.
 */
class KubernetesGuideTest {

  private static final Path GUIDE = Path.of("..", "docs", "instructor-guide", "at-scale.md");

  @TempDir Path work;

  @Test
  void theGuidesCommandWritesTheManifestsAndPrintsTheKubectlStepsTheGuideLists() throws IOException {
    // given the command block of the section, joined across its line continuations
    String section = section(Files.readString(GUIDE), "\n## Grade on Kubernetes\n");
    String command = block(section, "kubernetes --name");
    List<String> words = new ArrayList<>(Arrays.asList(command.replace("\\\n", " ").trim().split("\\s+")));
    assertThat(words.subList(0, 3)).containsExactly("java", "-jar", "grader/target/awskit-grader.jar");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    SubmissionRunner unused = (request, events) -> fail("The kubernetes command grades nothing.");
    GraderCli cli =
        new GraderCli(new PrintWriter(out, true), new PrintWriter(err, true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC), work, unused, Graded::catalog);

    // when
    int exit = cli.execute(words.subList(3, words.size()).toArray(String[]::new));

    // then
    assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(work.resolve("kubernetes/week3-shards.yaml")).exists();
    assertThat(work.resolve("kubernetes/week3-merge.yaml")).exists();
    List<String> printed =
        out.toString().lines().filter(line -> line.startsWith("  kubectl"))
            .map(line -> line.strip().replace(work.toString() + "/", ""))
            .toList();
    assertThat(block(section, "kubectl apply").strip().lines().toList()).containsExactlyElementsOf(printed);
  }

  private static String section(String page, String heading) {
    int start = page.indexOf(heading);
    assertThat(start).as("the guide's section " + heading).isNotNegative();
    int end = page.indexOf("\n## ", start + heading.length());
    return end < 0 ? page.substring(start) : page.substring(start, end);
  }

  /** Returns the first fenced block of {@code section} that holds {@code text}. */
  private static String block(String section, String text) {
    for (int open = section.indexOf("```\n"); open >= 0; ) {
      int close = section.indexOf("\n```", open + 4);
      String body = section.substring(open + 4, close + 1);
      if (body.contains(text)) {
        return body;
      }
      open = section.indexOf("```\n", close + 4);
    }
    throw new AssertionError("No block with '" + text + "' in the guide's section");
  }
}
