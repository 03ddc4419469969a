package dev.awskit.grader.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverridesFileTest {

  // q1 is worth 5 points, q7 8
  private static final GradingScheme SCHEME =
      new GradingScheme(
          Duration.ofSeconds(5),
          List.of(new Tier("easy", List.of(1), 5), new Tier("intermediate", List.of(7), 8)),
          List.of(
              new QuestionRule(1, "one", "easy", 5, List.of()),
              new QuestionRule(7, "seven", "intermediate", 8, List.of())),
          Map.of());
  private static final List<String> CLASS = List.of("alice", "bob");

  @TempDir Path work;

  private Map<String, List<ScoreOverride>> read(String text) throws IOException, PolicyException {
    Path file = Files.writeString(work.resolve("overrides.csv"), text);
    return OverridesFile.read(file, "overrides.csv", CLASS, SCHEME);
  }

  @Test
  void readsNewScoresAndChangesWithTheirReasonsAndLines() throws Exception {
    // when
    Map<String, List<ScoreOverride>> overrides =
        read(
            """
            student,question,score,reason
            alice,q07,7.5,alias accepted on appeal
            alice,1,-2,"answer copied from the handout, see e-mail"
            bob,7,+1,regrade
            """);

    // then
    assertThat(overrides.get("alice"))
        .containsExactly(
            new ScoreOverride("alice", 7, 7.5, false, "alias accepted on appeal", 2),
            new ScoreOverride(
                "alice", 1, -2, true, "answer copied from the handout, see e-mail", 3));
    assertThat(overrides.get("bob"))
        .containsExactly(new ScoreOverride("bob", 7, 1, true, "regrade", 4));
  }

  @Test
  void columnsMayComeInAnyOrder() throws Exception {
    assertThat(read("reason,score,question,student\nregrade,3,1,bob\n").get("bob"))
        .containsExactly(new ScoreOverride("bob", 1, 3, false, "regrade", 2));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "zed,1,3,why | the class has no student 'zed'",
        "bob,13,3,why | '13' is not a question of the kit",
        "bob,seven,3,why | 'seven' is not a question of the kit",
        "bob,1,6,why | out of range: question 1 is worth 5 points, so a score lies between 0 and 5",
        "bob,1,+6,why | a change lies between -5 and +5",
        "bob,1,three,why | is not a new score (7.5) or a change",
        "bob,1,3, | the reason is empty",
        "alice,7,3,first | q07 twice",
      })
  void aBadLineIsNamedAndNothingIsRead(String line, String problem) throws IOException {
    // given: a good line 2, the bad one on line 3 (or a second q07 for alice)
    String text =
        "student,question,score,reason\nalice,q07,2,ok\n"
            + (problem.equals("q07 twice") ? "alice,7,3,again\n" : line + "\n");

    // when
    PolicyException broken =
        catchThrowableOfType(PolicyException.class, () -> read(text));

    // then
    assertThat(broken).isNotNull();
    assertThat(broken.line()).as(broken.getMessage()).isEqualTo(3);
    assertThat(broken.getMessage()).startsWith("overrides.csv, line 3: ");
    assertThat(broken.problem())
        .contains(problem.equals("q07 twice") ? "already has an override on line 2" : problem);
  }

  @Test
  void aWrongHeaderIsLineOne() {
    PolicyException broken =
        catchThrowableOfType(
            PolicyException.class, () -> read("student,question,points\nbob,1,3\n"));

    assertThat(broken.line()).isEqualTo(1);
    assertThat(broken.problem()).contains("student,question,score,reason");
  }
}
