package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultJobsTest {

  private static final long MEBIBYTE = 1024L * 1024;

  @Test
  void aMachineWithMemoryToSpareGradesOneSubmissionPerProcessor() {
    // when
    int jobs = DefaultJobs.of(2, 24 * 1024 * MEBIBYTE, false);

    // then
    assertThat(jobs).isEqualTo(2);
  }

  @Test
  void aContainerWithManyProcessorsAndLittleMemoryGradesWhatItsMemoryHolds() {
    // when
    int oneGibibyte = DefaultJobs.of(16, 1024 * MEBIBYTE, false);
    int justUnder = DefaultJobs.of(16, 1023 * MEBIBYTE, false);

    // then
    assertThat(oneGibibyte).as("512 MiB for the grader, two workers of 256 MiB").isEqualTo(2);
    assertThat(justUnder).isEqualTo(1);
  }

  @Test
  void tooLittleMemoryStillGradesOneSubmissionAtATime() {
    // when
    int jobs = DefaultJobs.of(8, 256 * MEBIBYTE, true);

    // then
    assertThat(jobs).isEqualTo(1);
  }

  @Test
  void thisMachineGetsAtLeastOneJobAndNoMoreThanItsProcessors() {
    // when
    int jobs = DefaultJobs.forThisMachine(false);

    // then
    assertThat(jobs).isBetween(1, Runtime.getRuntime().availableProcessors());
  }

  @Test
  void trustedVerdictsGradeTwoSubmissionsPerProcessorWhereTheMemoryHoldsThem() {
    // when
    int spare = DefaultJobs.of(2, 24 * 1024 * MEBIBYTE, true);
    int threeWorkers = DefaultJobs.of(16, 1280 * MEBIBYTE, true);

    // then
    assertThat(spare).as("two cores and memory to spare").isEqualTo(4);
    assertThat(threeWorkers).as("512 MiB for the grader, three JVMs of 256 MiB").isEqualTo(3);
  }
}
