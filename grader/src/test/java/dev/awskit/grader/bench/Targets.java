package dev.awskit.grader.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds the speed targets and says whether one run met them. The targets are ratios to work
 * measured in the same run (a plain {@code mvn test} of the same submissions), because machines
 * differ by more than the margins; the absolute figures are printed beside them.
 *
 * @param coldSeconds the median of the cold grades, in seconds
 * @param plainSeconds the mean of one plain {@code mvn test} per submission, in seconds
 * @param batchSeconds how long the batch took, graded as {@code batch} grades by default, in
 *     seconds
 * @param batchSize how many submissions the batch has
 * @param largestProcessMebibytes the largest peak resident memory of any one process
 * @param graderMemory the grader's peak memory in batches of two sizes, when measured
 * @param isolation the line the grader's {@code isolation} command printed
 * @param floors the least time the same work takes without the grader around it
 */
record Targets(
    double coldSeconds,
    double plainSeconds,
    double batchSeconds,
    int batchSize,
    double largestProcessMebibytes,
    Optional<GraderMemory> graderMemory,
    String isolation,
    Floors floors) {

  static final double COLD_SHARE_OF_PLAIN = 0.2;
  static final double BATCH_SPEED_UP = 30;
  static final double PROCESS_MEBIBYTES = 512_000_000 / (1024.0 * 1024.0);
  static final double MEMORY_GROWTH = 1.10;

  /**
   * Holds the grader's peak memory graded in a small and a large batch.
   *
   * @param smallBatch how many submissions the small batch has
   * @param smallMebibytes the grader's peak resident memory in it
   * @param largeBatch how many submissions the large batch has
   * @param largeMebibytes the grader's peak resident memory in it
   * @param smallSecondsEach time per submission in the small batch
   * @param largeSecondsEach time per submission in the large batch
   */
  record GraderMemory(
      int smallBatch,
      double smallMebibytes,
      int largeBatch,
      double largeMebibytes,
      double smallSecondsEach,
      double largeSecondsEach) {

    double growth() {
      return largeMebibytes / smallMebibytes;
    }
  }

  /**
   * Holds the least time the measured work takes with nothing of the grader around it, measured in
   * the same run: when even that misses a target, the target is out of reach on this machine.
   *
   * @param coldSeconds javac and the hidden tests alone on one submission, in a new JVM of their own
   *     ({@link Floor} on a batch of one)
   * @param batchSeconds javac and the hidden tests alone on the batch ({@link Floor})
   * @param jvmPerSubmissionSeconds a new JVM per submission of the batch that only calls its code
   *     ({@link JvmPerSubmissionFloor}), which safe grading needs on top of the batch's floor
   */
  record Floors(double coldSeconds, double batchSeconds, double jvmPerSubmissionSeconds) {

    /** Returns the least a safe batch takes: its own floor, then a JVM per submission. */
    double safeBatchSeconds() {
      return batchSeconds + jvmPerSubmissionSeconds;
    }
  }

  /**
   * Holds one row of the targets table.
   *
   * @param measure what was measured
   * @param result the figure, with the absolute values it comes from
   * @param target the target, in words
   * @param met whether the result meets the target
   * @param outOfReach when the floor itself misses the target, what the floor gives
   */
  record Row(String measure, String result, String target, boolean met, Optional<String> outOfReach) {

    Row(String measure, String result, String target, boolean met) {
      this(measure, result, target, met, Optional.empty());
    }

    String markdown() {
      String verdict =
          met ? "met" : outOfReach.map(floor -> "not met; out of reach: " + floor).orElse("not met");
      return String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", measure, result, target, verdict);
    }
  }

  /** Returns a row per target. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    double coldShare = coldSeconds / plainSeconds;
    double coldFloorShare = floors.coldSeconds() / plainSeconds;
    rows.add(
        new Row(
            "one submission graded cold / one `mvn test` of it",
            String.format(
                Locale.ROOT,
                "%.2f (%.2f s / %.2f s; %.1f needs at most %.2f s; the floor took %.2f s)",
                coldShare, coldSeconds, plainSeconds, COLD_SHARE_OF_PLAIN,
                COLD_SHARE_OF_PLAIN * plainSeconds, floors.coldSeconds()),
            String.format(Locale.ROOT, "at most %.1f", COLD_SHARE_OF_PLAIN),
            coldShare <= COLD_SHARE_OF_PLAIN,
            coldFloorShare <= COLD_SHARE_OF_PLAIN
                ? Optional.empty()
                : Optional.of(String.format(
                    Locale.ROOT, "javac and the tests alone, cold, take %.2f", coldFloorShare))));
    double speedUp = plainSeconds * batchSize / batchSeconds;
    double floorSpeedUp = plainSeconds * batchSize / floors.batchSeconds();
    double safeFloorSpeedUp = plainSeconds * batchSize / floors.safeBatchSeconds();
    rows.add(
        new Row(
            String.format(
                Locale.ROOT, "batch of %d as `batch` grades it by default, plain way / grader",
                batchSize),
            String.format(
                Locale.ROOT,
                "%.1f times faster (%.0f s / %.1f s; %.0f times needs at most %.2f s; the floor took"
                    + " %.1f s, and the grader %.2f times that)",
                speedUp, plainSeconds * batchSize, batchSeconds, BATCH_SPEED_UP,
                plainSeconds * batchSize / BATCH_SPEED_UP, floors.batchSeconds(),
                batchSeconds / floors.batchSeconds()),
            String.format(Locale.ROOT, "at least %.0f times", BATCH_SPEED_UP),
            speedUp >= BATCH_SPEED_UP,
            batchOutOfReach(floorSpeedUp, safeFloorSpeedUp)));
    rows.add(
        new Row(
            "largest peak resident memory of any process",
            String.format(Locale.ROOT, "%.0f MiB", largestProcessMebibytes),
            "at most 512 MB",
            largestProcessMebibytes <= PROCESS_MEBIBYTES));
    graderMemory.ifPresent(
        memory ->
            rows.add(
                new Row(
                    String.format(
                        Locale.ROOT,
                        "grader's peak memory, batch of %d / batch of %d",
                        memory.largeBatch(),
                        memory.smallBatch()),
                    String.format(
                        Locale.ROOT,
                        "%.2f (%.0f MiB / %.0f MiB; %.2f s / %.2f s per submission)",
                        memory.growth(),
                        memory.largeMebibytes(),
                        memory.smallMebibytes(),
                        memory.largeSecondsEach(),
                        memory.smallSecondsEach()),
                    String.format(Locale.ROOT, "at most %.2f", MEMORY_GROWTH),
                    memory.growth() <= MEMORY_GROWTH)));
    rows.add(
        new Row(
            "measured with the OS sandbox on",
            isolation.replace("|", "/"),
            "level os",
            isolation.startsWith("isolation: os")));
    return rows;
  }

  /**
   * Returns why the batch target is out of reach, when the floor of the batch misses it alone or
   * with a JVM per submission.
   */
  private Optional<String> batchOutOfReach(double floorSpeedUp, double safeFloorSpeedUp) {
    if (floorSpeedUp < BATCH_SPEED_UP) {
      return Optional.of(String.format(
          Locale.ROOT, "javac and the tests alone are %.1f times faster", floorSpeedUp));
    }
    if (safeFloorSpeedUp < BATCH_SPEED_UP) {
      return Optional.of(String.format(
          Locale.ROOT,
          "javac and the tests alone, then a new JVM per submission that only calls its code"
              + " (%.1f s and %.1f s), are %.1f times faster",
          floors.batchSeconds(), floors.jvmPerSubmissionSeconds(), safeFloorSpeedUp));
    }
    return Optional.empty();
  }

  /** Returns the targets table in Markdown. */
  String table() {
    StringBuilder out = new StringBuilder("| target (issue 14) | result | target | met |\n|---|---|---|---|\n");
    rows().forEach(row -> out.append(row.markdown()));
    return out.toString();
  }
}
