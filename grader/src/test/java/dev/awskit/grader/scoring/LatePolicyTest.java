package dev.awskit.grader.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Checks late penalties and adjusted scores against figures worked out by hand, for a class due
 * 2025-03-02 23:59 at +01:00 (22:59 UTC), 15 minutes' grace, 10 % of 100 points per started day,
 * capped at 30 %.
 */
class LatePolicyTest {

  private static final OffsetDateTime DUE = OffsetDateTime.parse("2025-03-02T23:59:00+01:00");
  private static final LatePolicy POLICY =
      new LatePolicy(
          DUE,
          Duration.ofMinutes(15),
          new LatePolicy.Amount(10, true),
          LatePolicy.Unit.DAY,
          Optional.of(new LatePolicy.Amount(30, true)),
          Map.of("alice", OffsetDateTime.parse("2025-03-05T23:59:00+01:00")));

  private static Lateness bobAt(String utc) {
    return POLICY.assess(
        "bob", Optional.of(new SubmissionTime(Instant.parse(utc), "roster")), 100);
  }

  @Test
  void onTimeCostsNothing() {
    Lateness late = bobAt("2025-03-02T22:00:00Z");

    assertThat(late.units()).isZero();
    assertThat(late.penalty()).isZero();
    assertThat(late.minutesLate()).isZero();
    assertThat(late.describe()).contains("on time").contains("from roster");
  }

  @Test
  void withinTheGracePeriodCostsNothingButSaysHowLate() {
    // 11 minutes after 22:59 UTC, inside 15 minutes' grace
    Lateness late = bobAt("2025-03-02T23:10:00Z");

    assertThat(late.units()).isZero();
    assertThat(late.penalty()).isZero();
    assertThat(late.minutesLate()).isEqualTo(11);
    assertThat(late.describe()).contains("within the grace period");
  }

  @Test
  void elevenHoursLateIsOneStartedDay() {
    // 11 h 01 min after the due date: one started day, 10 % of 100
    Lateness late = bobAt("2025-03-03T10:00:00Z");

    assertThat(late.units()).isEqualTo(1);
    assertThat(late.penalty()).isEqualTo(10.0);
    assertThat(late.capped()).isFalse();
    assertThat(late.describe()).contains("1 day late, -10 points");
  }

  @Test
  void justPastTheGraceCountsFromTheDueDateNotFromTheGrace() {
    // 16 minutes late: past the grace, so one started day
    assertThat(bobAt("2025-03-02T23:15:00Z").penalty()).isEqualTo(10.0);
  }

  @Test
  void theCapLimitsThePenalty() {
    // 2 days 23 h 01 min late: three started days reach the cap exactly; five would be 50
    Lateness three = bobAt("2025-03-05T22:00:00Z");
    Lateness five = bobAt("2025-03-07T12:00:00Z");

    assertThat(three.units()).isEqualTo(3);
    assertThat(three.penalty()).isEqualTo(30.0);
    assertThat(three.capped()).isFalse();
    assertThat(five.units()).isEqualTo(5);
    assertThat(five.penalty()).isEqualTo(30.0);
    assertThat(five.capped()).isTrue();
    assertThat(five.describe()).contains("(the cap)");
  }

  @Test
  void anExtensionMovesTheStudentsOwnDueDate() {
    Instant threeDaysAfterTheClass = Instant.parse("2025-03-05T20:00:00Z");

    Lateness alice =
        POLICY.assess("alice", Optional.of(new SubmissionTime(threeDaysAfterTheClass, "r")), 100);
    Lateness bob =
        POLICY.assess("bob", Optional.of(new SubmissionTime(threeDaysAfterTheClass, "r")), 100);

    assertThat(alice.penalty()).isZero();
    assertThat(alice.extended()).isTrue();
    assertThat(alice.dueAt()).isEqualTo("2025-03-05T23:59+01:00");
    assertThat(bob.penalty()).isEqualTo(30.0);
  }

  @Test
  void pointsPerHourWithoutACap() {
    LatePolicy hourly =
        new LatePolicy(
            DUE,
            Duration.ZERO,
            new LatePolicy.Amount(2, false),
            LatePolicy.Unit.HOUR,
            Optional.empty(),
            Map.of());

    // 3 h 30 min late: four started hours at 2 points, whatever the maximum
    Lateness late =
        hourly.assess(
            "bob", Optional.of(new SubmissionTime(Instant.parse("2025-03-03T02:29:00Z"), "r")), 40);

    assertThat(late.units()).isEqualTo(4);
    assertThat(late.penalty()).isEqualTo(8.0);
  }

  @Test
  void anUnknownSubmissionTimeCostsNothingAndSaysSo() {
    Lateness late = POLICY.assess("bob", Optional.empty(), 100);

    assertThat(late.known()).isFalse();
    assertThat(late.penalty()).isZero();
    assertThat(late.describe()).startsWith("Submission time unknown");
  }

  @Test
  void overridesSetAndChangeQuestionsWithinTheirRange() {
    // given: q7 graded 4 of 8, q1 graded 2 of 5; raw total 80
    AdjustmentPlan plan =
        new AdjustmentPlan(
            null,
            List.of(
                new ScoreOverride("bob", 7, 8, false, "alias accepted on appeal", 2),
                new ScoreOverride("bob", 1, -3, true, "copied answer", 3)));

    // when
    Adjustment adjustment = plan.applyTo(80, Map.of(1, 2.0, 7, 4.0), Map.of(1, 5.0, 7, 8.0));

    // then: q1 cannot go below 0, so -3 takes only 2; q7 gains 4; 80 + 4 - 2
    assertThat(adjustment.overrides())
        .extracting(Adjustment.AppliedOverride::question, Adjustment.AppliedOverride::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 0.0), org.assertj.core.groups.Tuple.tuple(7, 8.0));
    assertThat(adjustment.overridePoints()).isEqualTo(2.0);
    assertThat(adjustment.latePenalty()).isZero();
    assertThat(adjustment.finalScore()).isEqualTo(82.0);
  }

  @Test
  void overridesComeFirstThenTheLatePenaltyNeverBelowZero() {
    // given: one day late (-10) and +4 on q7
    Lateness oneDay = bobAt("2025-03-03T10:00:00Z");
    AdjustmentPlan plan =
        new AdjustmentPlan(
            oneDay, List.of(new ScoreOverride("bob", 7, 4, true, "regrade", 2)));

    // when
    Adjustment both = plan.applyTo(80, Map.of(7, 4.0), Map.of(7, 8.0));
    Adjustment low = plan.applyTo(3, Map.of(7, 0.0), Map.of(7, 8.0));

    // then: 80 + 4 - 10; 3 + 4 - 10 stops at 0
    assertThat(both.finalScore()).isEqualTo(74.0);
    assertThat(both.raw()).isEqualTo(80.0);
    assertThat(both.notes()).hasSize(2);
    assertThat(low.finalScore()).isZero();
  }
}
