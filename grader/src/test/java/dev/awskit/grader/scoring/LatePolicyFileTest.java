package dev.awskit.grader.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.awskit.grader.engine.FixtureCatalog;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatePolicyFileTest {

  private static final String GOOD =
      """
      timeLimit: 2s
      late:
        due: 2026-03-02T23:59:00+01:00
        grace: 15m
        penalty: 10% per day
        cap: 20 points
        extensions:
          alice: 2026-03-05T23:59:00+01:00
      """;

  @Test
  void readsTheDueDateGracePenaltyCapAndExtensions() throws PolicyException {
    // when
    LatePolicy policy = LatePolicyFile.parse("policy.yaml", GOOD).orElseThrow();

    // then
    assertThat(policy.due()).isEqualTo(OffsetDateTime.parse("2026-03-02T23:59:00+01:00"));
    assertThat(policy.grace()).isEqualTo(Duration.ofMinutes(15));
    assertThat(policy.penalty()).isEqualTo(new LatePolicy.Amount(10, true));
    assertThat(policy.per()).isEqualTo(LatePolicy.Unit.DAY);
    assertThat(policy.cap()).contains(new LatePolicy.Amount(20, false));
    assertThat(policy.extensions())
        .containsEntry("alice", OffsetDateTime.parse("2026-03-05T23:59:00+01:00"));
  }

  @Test
  void thePolicyFileItselfAcceptsTheLateSection() throws PolicyException {
    // given: the scheme reader must not take 'late' for an unknown key
    GradingScheme scheme = PolicyFile.parse("policy.yaml", GOOD, FixtureCatalog.load());

    // then
    assertThat(scheme.timeLimit()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aPolicyWithoutALateSectionHasNoDueDate() throws PolicyException {
    assertThat(LatePolicyFile.parse("policy.yaml", "timeLimit: 2s\n")).isEqualTo(Optional.empty());
    assertThat(LatePolicyFile.parse("policy.yaml", "")).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "due: 2026-02-30T23:59:00+01:00 | 3 | is not a date and time",
        "due: next friday | 3 | is not a date and time",
        "due: 2026-03-02T23:59:00 | 3 | has no offset from UTC",
        "penalty: -10% per day | 4 | penalty cannot be negative",
        "penalty: 10 percent daily | 4 | is not like '10% per day'",
        "cap: 150% | 4 | at most 100%",
        "cap: -5 points | 4 | cap cannot be negative",
        "grace: -15m | 4 | is not a duration",
        "deadline: 2026-03-02T23:59:00Z | 4 | unknown key 'deadline'",
      })
  void aBrokenLineIsNamedWithWhatWasExpected(String line, int lineNumber, String problem) {
    // given: line 3 is due, line 4 whatever the case changes
    String key = line.substring(0, line.indexOf(':'));
    String policy =
        "timeLimit: 2s\nlate:\n"
            + (key.equals("due") ? "  " + line + "\n" : "  due: 2026-03-02T23:59:00Z\n  " + line + "\n")
            + (key.equals("penalty") ? "" : "  penalty: 1 point per hour\n");

    // when
    PolicyException broken =
        catchThrowableOfType(
            PolicyException.class, () -> LatePolicyFile.parse("policy.yaml", policy));

    // then
    assertThat(broken).isNotNull();
    assertThat(broken.line()).as(broken.getMessage()).isEqualTo(lineNumber);
    assertThat(broken.problem()).contains(problem);
  }

  @Test
  void aBrokenExtensionNamesItsStudentAndLine() {
    String policy =
        """
        late:
          due: 2026-03-02T23:59:00Z
          penalty: 5 points per day
          extensions:
            alice: 2026-03-05T23:59:00Z
            bob: soon
        """;

    PolicyException broken =
        catchThrowableOfType(
            PolicyException.class, () -> LatePolicyFile.parse("policy.yaml", policy));

    assertThat(broken.line()).isEqualTo(6);
    assertThat(broken.problem()).contains("the extension of bob 'soon' is not a date and time");
  }

  @Test
  void aLateSectionWithoutPenaltyOrDueSaysWhatItNeeds() {
    PolicyException noPenalty =
        catchThrowableOfType(
            PolicyException.class,
            () -> LatePolicyFile.parse("p.yaml", "late:\n  due: 2026-03-02T23:59:00Z\n"));
    PolicyException noDue =
        catchThrowableOfType(
            PolicyException.class,
            () -> LatePolicyFile.parse("p.yaml", "late:\n  penalty: 5% per day\n"));

    assertThat(noPenalty.problem()).contains("late needs 'penalty'");
    assertThat(noDue.problem()).contains("late needs 'due'");
    assertThat(noDue.line()).isEqualTo(1);
  }
}
