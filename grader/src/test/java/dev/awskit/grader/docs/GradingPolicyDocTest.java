package dev.awskit.grader.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.PolicyException;
import dev.awskit.grader.scoring.PolicyFile;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keeps docs/grading-policy.md true: its example parses and scores as the page says. */
class GradingPolicyDocTest {

  private static final Path PAGE = Path.of("..", "docs", "grading-policy.md");

  @Test
  void examplePolicyParsesAndTotals102Points() throws IOException, PolicyException {
    String page = Files.readString(PAGE);
    String yaml = page.substring(page.indexOf("```yaml") + "```yaml".length(), page.indexOf("```", page.indexOf("```yaml") + 7));

    GradingScheme scheme = PolicyFile.parse("example", yaml, Graded.catalog());

    assertThat(scheme.maxScore()).isEqualTo(102);
    assertThat(page).contains("the total is 4 * 4 + 6 + 5 * 10 + 2 * 15 = 102 points");
    assertThat(scheme.timeLimit()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void defaultsTotal100AsTheTableSays() {
    assertThat(GradingScheme.defaults(Graded.catalog()).maxScore()).isEqualTo(100);
  }

  @Test
  void errorMessagesReadAsThePageShowsThem() throws IOException {
    String page = Files.readString(PAGE);
    PolicyException unknownKey =
        catchThrowableOfType(
            PolicyException.class,
            () -> PolicyFile.parse("policy.yaml", "timeLimit: 5s\nquestions:\n  3:\n    pionts: 4\n", Graded.catalog()));
    PolicyException duration =
        catchThrowableOfType(
            PolicyException.class,
            () -> PolicyFile.parse("policy.yaml", "# limit\ntimeLimit: soon\n", Graded.catalog()));

    assertThat(page).contains("Broken policy file: " + unknownKey.getMessage());
    assertThat(page).contains("Broken policy file: " + duration.getMessage());
  }
}
