package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultJobsTest {

  private static final long MEBIBYTE = 1024L * 1024;
  private static final long HEAP = 4096 * MEBIBYTE;

  @Test
  void aMachineWithMemoryToSpareGradesOneSubmissionPerProcessor() {
    // when
    int jobs = DefaultJobs.of(2, 24 * 1024 * MEBIBYTE, HEAP, false);

    // then
    assertThat(jobs).isEqualTo(2);
  }

  @Test
  void aContainerWithManyProcessorsAndLittleMemoryGradesWhatItsMemoryHolds() {
    // when
    int oneGibibyte = DefaultJobs.of(16, 1024 * MEBIBYTE, HEAP, false);
    int justUnder = DefaultJobs.of(16, 1023 * MEBIBYTE, HEAP, false);

    // then
    assertThat(oneGibibyte).as("512 MiB for the grader, two workers of 256 MiB").isEqualTo(2);
    assertThat(justUnder).isEqualTo(1);
  }

  @Test
  void tooLittleMemoryStillGradesOneSubmissionAtATime() {
    // when
    int jobs = DefaultJobs.of(8, 256 * MEBIBYTE, HEAP, true);

    // then
    assertThat(jobs).isEqualTo(1);
  }

  @Test
  void theGradersRecommendedHeapCompilesEightAtOnceWhateverTheProcessors() {
    // when
    int manyProcessors = DefaultJobs.of(16, 64 * 1024 * MEBIBYTE, 256 * MEBIBYTE, false);
    int twoProcessors = DefaultJobs.of(2, 64 * 1024 * MEBIBYTE, 256 * MEBIBYTE, true);

    // then
    assertThat(manyProcessors).as("16 processors, a 256 MiB grader").isEqualTo(8);
    assertThat(twoProcessors).as("2 processors, trusted verdicts, a 256 MiB grader").isEqualTo(4);
    assertThat(DefaultJobs.heldByTheHeap(256 * MEBIBYTE)).isEqualTo(8);
    assertThat(DefaultJobs.heldByTheHeap(16 * MEBIBYTE)).as("a tiny heap").isEqualTo(1);
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
    int spare = DefaultJobs.of(2, 24 * 1024 * MEBIBYTE, HEAP, true);
    int threeWorkers = DefaultJobs.of(16, 1280 * MEBIBYTE, HEAP, true);

    // then
    assertThat(spare).as("two cores and memory to spare").isEqualTo(4);
    assertThat(threeWorkers).as("512 MiB for the grader, three JVMs of 256 MiB").isEqualTo(3);
  }
}
