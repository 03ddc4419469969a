package dev.awskit.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Draws the progress displays into a string. */
class ProgressTest {

  private static StudentResult graded(String student, double total) {
    return new StudentResult(student, RowStatus.GRADED, "", Map.of("total", total), "", "", "");
  }

  @Test
  void theBarRedrawsOneLineAndEndsWithEveryStudentDone() {
    // given
    StringWriter text = new StringWriter();
    BarProgress bar = new BarProgress(new PrintWriter(text), 100);

    // when
    bar.started(2);
    bar.finished(graded("alice", 100), false);
    bar.finished(graded("bob", 50), true);
    bar.close();

    // then
    String drawn = text.toString();
    assertThat(drawn)
        .startsWith("\r")
        .endsWith(System.lineSeparator())
        .contains("Grading", "2/2", "bob");
    assertThat(drawn.substring(0, drawn.length() - System.lineSeparator().length()))
        .as("redrawn in place: carriage returns, no line break before the end")
        .doesNotContain("\n");
    assertThat(drawn.substring(drawn.lastIndexOf('\r'))).contains("100%", "2/2 students");
  }

  @Test
  void linesSayWhatBecameOfEachStudent() {
    // given
    StringWriter text = new StringWriter();
    LineProgress lines = new LineProgress(new PrintWriter(text), 100);

    // when
    lines.started(12);
    lines.finished(graded("alice", 200.0 / 3), false);
    lines.finished(graded("bob", 50), true);
    lines.finished(
        new StudentResult(
            "carol", RowStatus.ERROR, "the grader failed: boom", Map.of(), "", "", ""),
        false);
    lines.close();

    // then
    assertThat(text.toString().lines())
        .containsExactly(
            "[ 1/12] alice: graded, 66.67 / 100",
            "[ 2/12] bob: graded, 50 / 100 (unchanged since the last run, kept)",
            "[ 3/12] carol: error: the grader failed: boom");
  }
}
