package dev.awskit.grader.batch;

import java.io.PrintWriter;
import java.math.BigDecimal;

/**
 * Shows a batch's progress as one line per student, for logs, CI and anything that is not a
 * terminal: {@code [ 3/20] alice: graded, 87.5 / 100}.
 */
public final class LineProgress implements BatchProgress {

  private final PrintWriter out;
  private final double maxScore;
  private int total;
  private int done;

  /** Creates a display that writes to {@code out}; {@code maxScore} is what a total is out of. */
  public LineProgress(PrintWriter out, double maxScore) {
    this.out = out;
    this.maxScore = maxScore;
  }

  @Override
  public synchronized void started(int total) {
    this.total = total;
  }

  @Override
  public synchronized void finished(StudentResult result, boolean kept) {
    done++;
    String width = String.valueOf(Math.max(total, 1)).length() + "";
    out.printf(
        "[%" + width + "d/%d] %s: %s%n", done, total, result.student(), describe(result, kept));
    out.flush();
  }

  private String describe(StudentResult result, boolean kept) {
    return switch (result.status()) {
      case GRADED ->
          "graded, "
              + Gradebook.text(Gradebook.round(result.score(GradebookLayout.TOTAL)))
              + " / "
              + Gradebook.text(BigDecimal.valueOf(maxScore))
              + (kept ? " (unchanged since the last run, kept)" : "");
      case UNUSABLE -> "unusable: " + result.reason() + (kept ? " (kept from the last run)" : "");
      case ERROR -> "error: " + result.reason();
    };
  }

  @Override
  public void close() {
    out.flush();
  }
}
