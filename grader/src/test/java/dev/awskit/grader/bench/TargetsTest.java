package dev.awskit.grader.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static final String OS = "isolation: os (bubblewrap 0.8.0: ...)";
  // a cold floor at 0.1 of one mvn test, a batch floor 50 times faster than the plain way, and a
  // JVM per submission that leaves it 38.5 times faster
  private static final Targets.Floors FAST_FLOORS = new Targets.Floors(1, 10, 3);

  @Test
  void saysMetWhenEveryRatioIsWithinItsTarget() {
    // given 1.9 s against 10 s, 500 s of plain builds against a 16 s batch, 400 MiB, 300 -> 320 MiB
    Targets targets =
        new Targets(
            1.9, 10, 16, 50, 400,
            Optional.of(new Targets.GraderMemory(50, 300, 500, 320, 0.3, 0.3)), OS, FAST_FLOORS);

    // when / then
    assertThat(targets.rows()).allMatch(Targets.Row::met);
    assertThat(targets.table())
        .contains("| 0.19 (1.90 s / 10.00 s; 0.2 needs at most 2.00 s; the floor took 1.00 s) |")
        .contains(
            "| 31.3 times faster (500 s / 16.0 s; 30 times needs at most 16.67 s; the floor took"
                + " 10.0 s, and the grader 1.60 times that) | at least 30 times | met |");
  }

  @Test
  void saysNotMetForEachTargetThatIsMissed() {
    // given a cold grade at 0.6 of mvn test, a 15 times faster batch, 600 MiB, memory up by 20 %
    Targets targets =
        new Targets(
            6, 10, 33.3, 50, 600,
            Optional.of(new Targets.GraderMemory(50, 300, 500, 360, 0.7, 0.7)), "isolation: jvm",
            FAST_FLOORS);

    // when / then
    assertThat(targets.rows()).noneMatch(Targets.Row::met);
    assertThat(targets.table())
        .contains(
            "| 0.60 (6.00 s / 10.00 s; 0.2 needs at most 2.00 s; the floor took 1.00 s) | at most"
                + " 0.2 | not met |")
        .contains("15.0 times faster")
        .contains("| 1.20 (360 MiB / 300 MiB; 0.70 s / 0.70 s per submission) | at most 1.10 | not met |");
  }

  @Test
  void saysOutOfReachWhenTheFloorItselfMissesTheTarget() {
    // given a cold floor at 0.3 of mvn test, and a batch floor 20 times faster than the plain way
    Targets targets =
        new Targets(5, 10, 33.3, 50, 300, Optional.empty(), OS, new Targets.Floors(3, 25, 3));

    // when / then
    assertThat(targets.table())
        .contains(
            "| at most 0.2 | not met; out of reach: javac and the tests alone, cold, take 0.30 |")
        .contains(
            "| at least 30 times | not met; out of reach: javac and the tests alone are 20.0 times"
                + " faster |");
  }

  @Test
  void saysOutOfReachWhenAJvmPerSubmissionTakesTheFloorPastTheTarget() {
    // given a batch floor 50 times faster than the plain way (10 s of 500 s), and 15 s more for a
    // JVM per submission: 25 s, where 30 times needs at most 16.67 s
    Targets targets =
        new Targets(5, 10, 40, 50, 300, Optional.empty(), OS, new Targets.Floors(1, 10, 15));

    // when / then
    assertThat(targets.table())
        .contains(
            "| at least 30 times | not met; out of reach: javac and the tests alone, then a new JVM"
                + " per submission that only calls its code (10.0 s and 15.0 s), are 20.0 times"
                + " faster |");
  }

  @Test
  void saysOnlyNotMetWhenTheFloorMeetsTheTarget() {
    // given
    Targets targets = new Targets(5, 10, 33.3, 50, 300, Optional.empty(), OS, FAST_FLOORS);

    // when / then
    assertThat(targets.table())
        .contains("| at most 0.2 | not met |")
        .contains("| at least 30 times | not met |")
        .doesNotContain("out of reach");
  }

  @Test
  void leavesTheMemoryGrowthOutWhenNoLargeBatchWasGraded() {
    // given
    Targets targets = new Targets(2, 10, 10, 50, 300, Optional.empty(), OS, FAST_FLOORS);

    // when / then
    assertThat(targets.rows()).hasSize(4);
    assertThat(targets.table()).doesNotContain("batch of 500");
  }
}
