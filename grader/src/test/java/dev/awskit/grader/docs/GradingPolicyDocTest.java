package dev.awskit.grader.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.LatePolicy;
import dev.awskit.grader.scoring.LatePolicyFile;
import dev.awskit.grader.scoring.OverridesFile;
import dev.awskit.grader.scoring.PolicyException;
import dev.awskit.grader.scoring.PolicyFile;
import dev.awskit.grader.scoring.SubmissionTime;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void lateExampleParsesAndChargesAsThePageSays() throws IOException, PolicyException {
    // given: the page's second YAML block, due 23:59 at +01:00 with 15 minutes' grace
    String page = Files.readString(PAGE);
    int second = page.indexOf("```yaml", page.indexOf("```yaml") + 7) + "```yaml".length();
    LatePolicy late =
        LatePolicyFile.parse("example", page.substring(second, page.indexOf("```", second)))
            .orElseThrow();

    // then: 11 minutes late is on time, 21 minutes one day, 24 h 01 min two days
    assertThat(unitsAt(late, "2026-03-03T00:10:00+01:00")).isZero();
    assertThat(unitsAt(late, "2026-03-03T00:20:00+01:00")).isEqualTo(1);
    assertThat(unitsAt(late, "2026-03-04T00:00:00+01:00")).isEqualTo(2);
    assertThat(page)
        .contains("at 00:10 the next morning (11 minutes late) is on time")
        .contains("one at 00:20 (21 minutes) is one day")
        .contains("one at 00:00 two days later (24 h 01 min) is two days late");
    assertThat(late.extensions()).containsKey("alice");
  }

  @Test
  void lateAndOverrideErrorsReadAsThePageShowsThem(@TempDir Path work) throws IOException {
    String page = Files.readString(PAGE);
    for (String policy :
        List.of(
            "late:\n  penalty: 10% per day\n  due: 2026-02-30T23:59:00+01:00\n",
            "late:\n  penalty: 10% per day\n  due: 2026-03-02T23:59:00\n",
            "late:\n  due: 2026-03-02T23:59:00Z\n  grace: 15m\n  cap: 50%\n  penalty: -10% per day\n",
            "late:\n  due: 2026-03-02T23:59:00Z\n  grace: 15m\n  penalty: 10% per day\n  #\n"
                + "  cap: 150%\n")) {
      PolicyException broken =
          catchThrowableOfType(
              PolicyException.class, () -> LatePolicyFile.parse("policy.yaml", policy));
      assertThat(page).contains("Broken policy file: " + broken.getMessage());
    }
    for (String line : List.of("bob,q13,1,typo", "bob,1,9,typo")) {
      Path file =
          Files.writeString(
              work.resolve("overrides.csv"),
              "student,question,score,reason\nalice,1,5,ok\n"
                  + (line.contains("q13") ? "" : "alice,2,5,ok\n")
                  + line
                  + "\n");
      PolicyException broken =
          catchThrowableOfType(
              PolicyException.class,
              () ->
                  OverridesFile.read(
                      file, "overrides.csv", List.of("alice", "bob"), Graded.scheme()));
      assertThat(page).contains("Broken overrides file: " + broken.getMessage());
    }
  }

  private static int unitsAt(LatePolicy late, String time) {
    return late.assess(
            "bob",
            Optional.of(new SubmissionTime(OffsetDateTime.parse(time).toInstant(), "roster")),
            100)
        .units();
  }
}
