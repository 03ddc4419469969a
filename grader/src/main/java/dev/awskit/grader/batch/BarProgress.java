package dev.awskit.grader.batch;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a batch's progress as a bar redrawn in place on a terminal, with the count, elapsed time
 * and estimated time left, and the student last done.
 */
public final class BarProgress implements BatchProgress {

  private static final int FALLBACK_WIDTH = 80;

  private final PrintWriter out;
  private final int width;
  private ProgressBar bar;

  /** Creates a display that draws on {@code out}, which must be a terminal, as wide as it is. */
  public BarProgress(PrintWriter out) {
    this(out, 0);
  }

  /** Creates a display {@code width} characters wide; 0 asks the terminal for its width. */
  BarProgress(PrintWriter out, int width) {
    this.out = out;
    this.width = width;
  }

  @Override
  public synchronized void started(int total) {
    bar =
        new ProgressBarBuilder()
            .setTaskName("Grading")
            .setInitialMax(total)
            .setUnit(" students", 1)
            // Plain characters: colours and block glyphs garble some Windows consoles.
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .setConsumer(consumer())
            .build();
  }

  private DelegatingProgressBarConsumer consumer() {
    if (width > 0) {
      return new DelegatingProgressBarConsumer(this::draw, width);
    }
    DelegatingProgressBarConsumer sized = new DelegatingProgressBarConsumer(this::draw);
    // A terminal that cannot tell its width says 0.
    return sized.getMaxRenderedLength() > 0
        ? sized
        : new DelegatingProgressBarConsumer(this::draw, FALLBACK_WIDTH);
  }

  private void draw(String line) {
    synchronized (out) {
      out.print('\r');
      out.print(line);
      out.flush();
    }
  }

  @Override
  public synchronized void finished(StudentResult result, boolean kept) {
    if (bar != null) {
      bar.setExtraMessage(result.student());
      bar.step();
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
      out.println();
      out.flush();
    }
  }
}
