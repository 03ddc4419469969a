package dev.awskit.grader.batch;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the console summary of a batch: what was graded, the per-question averages, the students
 * that could not be graded and why, problems with the batch folder, and where the files are.
 *
 * @param batchFolder the folder of submissions
 * @param roster what the folder holds
 * @param shard the slice graded
 * @param run what the run did
 * @param layout the score columns with what they are out of
 * @param gradebook the gradebook written
 * @param gradebookFile where it was written
 * @param averagesFile where its averages were written
 * @param studentsFolder the folder of the students' report folders
 */
public record BatchSummary(
    Path batchFolder,
    Roster roster,
    Shard shard,
    BatchRun run,
    GradebookLayout layout,
    Gradebook gradebook,
    Path gradebookFile,
    Path averagesFile,
    Path studentsFolder) {

  /** Writes the summary to {@code out}. */
  public void write(PrintWriter out) {
    int all = roster.students().size();
    out.printf(
        "%nBatch of %d submission%s in %s%s%n",
        all,
        all == 1 ? "" : "s",
        batchFolder,
        shard.isAll() ? "" : " (shard " + shard + ": " + run.results().size() + " of them)");
    out.printf(
        "Graded %d, unusable %d, error %d; %d done by this run, %d kept from an earlier run.%n",
        run.count(RowStatus.GRADED),
        run.count(RowStatus.UNUSABLE),
        run.count(RowStatus.ERROR),
        run.graded(),
        run.kept());
    writeAverages(out, gradebook.averages(), layout.outOf());
    list(
        out,
        "Unusable (zero points; the reason is in the gradebook too):",
        run.withStatus(RowStatus.UNUSABLE));
    list(
        out,
        "Errors of the grader (zero points for now; the next run grades them again):",
        run.withStatus(RowStatus.ERROR));
    if (!roster.problems().isEmpty()) {
      out.printf("%nProblems with the batch folder:%n");
      roster.problems().forEach(problem -> out.printf("  %s%n", problem));
    }
    if (!roster.ignored().isEmpty()) {
      out.printf("%nIgnored (not a folder or a zip): %s%n", String.join(", ", roster.ignored()));
    }
    out.printf("%nGradebook: %s%n", gradebookFile);
    out.printf("Averages:  %s%n", averagesFile);
    out.printf("Reports:   %s%n", studentsFolder.resolve("<student>"));
    out.flush();
  }

  /**
   * Writes a table of averages; {@code outOf} gives each column's maximum, or is empty when it is
   * not known (a merged gradebook).
   */
  public static void writeAverages(
      PrintWriter out, Gradebook.Averages averages, List<Double> outOf) {
    if (averages.graded() == 0) {
      out.printf("%nNo student was graded, so there are no averages.%n");
      return;
    }
    out.printf(
        "%nAverages over %d graded student%s:%n",
        averages.graded(), averages.graded() == 1 ? "" : "s");
    int width = averages.columns().stream().mapToInt(String::length).max().orElse(5);
    for (int column = 0; column < averages.columns().size(); column++) {
      String value = Gradebook.text(averages.values().get(column));
      String max =
          outOf.isEmpty() ? "" : " / " + Gradebook.text(BigDecimal.valueOf(outOf.get(column)));
      out.printf("  %-" + width + "s %8s%s%n", averages.columns().get(column), value, max);
    }
  }

  private static void list(PrintWriter out, String heading, List<StudentResult> results) {
    if (results.isEmpty()) {
      return;
    }
    out.printf("%n%s%n", heading);
    results.forEach(result -> out.printf("  %s: %s%n", result.student(), result.reason()));
  }
}
