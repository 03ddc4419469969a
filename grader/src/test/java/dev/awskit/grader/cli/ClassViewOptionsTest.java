package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.awskit.grader.batch.BatchProgress;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.classview.ClassReportFiles;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Checks what a batch does for its class view while it grades. */
class ClassViewOptionsTest {

  @Test
  void warmingTheClassReportPassesEveryEventOnToTheDisplay() {
    // given
    List<String> heard = new CopyOnWriteArrayList<>();
    BatchProgress display =
        new BatchProgress() {
          @Override
          public void started(int total) {
            heard.add("started " + total);
          }

          @Override
          public void finished(StudentResult result, boolean kept) {
            heard.add("finished, kept " + kept);
          }

          @Override
          public void close() {
            heard.add("closed");
          }
        };

    // when
    try (BatchProgress warming = ClassViewOptions.warmingTheClassReport(display)) {
      warming.started(2);
      warming.finished(null, false);
      warming.finished(null, true);
    }

    // then
    assertThat(heard)
        .containsExactly("started 2", "finished, kept false", "finished, kept true", "closed");
  }

  @Test
  void theClassReportsWarmUpDrawsAChart() {
    assertThatCode(ClassReportFiles::warmUp).doesNotThrowAnyException();
  }
}
