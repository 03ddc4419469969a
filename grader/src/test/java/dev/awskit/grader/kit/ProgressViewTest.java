package dev.awskit.grader.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.progress.HiddenChecks;
import dev.awskit.exercises.progress.ProgressTable;
import dev.awskit.exercises.progress.QuestionProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shows that the students' progress table reads right as work goes on; {@link
 * PublicTestsOnStubsTest} shows it on the untouched stubs.
 */
class ProgressViewTest {

  @Test
  void showsPassingInProgressAndNotRunAndTheChecksOfTheQuestionsThatRanOnly() {
    // given
    HiddenChecks checks = HiddenChecks.load();
    Map<Integer, String> titles = Map.of(1, "First", 2, "Second", 3, "Third", 4, "Fourth");
    List<QuestionProgress> progress =
        List.of(
            new QuestionProgress(1, 2, 2, 0),
            new QuestionProgress(2, 2, 1, 1),
            new QuestionProgress(3, 2, 0, 2),
            QuestionProgress.notRun(4));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    // when
    ProgressTable.write(
        progress, titles, checks, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    // then
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .containsPattern("\\n\\s+1  First\\s+5\\s+2/2  passing\\n")
        .containsPattern("\\n\\s+2  Second\\s+5\\s+1/2  in progress\\n")
        .containsPattern("\\n\\s+3  Third\\s+5\\s+0/2  not started\\n")
        .containsPattern("\\n\\s+4  Fourth\\s+5\\s+-  not run\\n")
        .contains("1 of the 3 questions run here pass their public tests")
        .contains("Question 1 - First (easy, 5 points)", "Question 3 - Third (easy, 5 points)")
        .doesNotContain("Question 4 - Fourth");
    String firstCheck = checks.question(1).orElseThrow().checks().get(0).name();
    assertThat(output).contains(firstCheck);
  }

  @Test
  void aQuestionWhoseTestsFailForAnotherReasonIsInProgress() {
    // given
    QuestionProgress onStub = QuestionProgress.notRun(5).plus(false, true).plus(false, true);
    QuestionProgress begun = QuestionProgress.notRun(5).plus(false, true).plus(false, false);

    // when / then
    assertThat(onStub.status().label()).isEqualTo("not started");
    assertThat(begun.status().label()).isEqualTo("in progress");
    assertThat(begun.plus(true, false).status().label()).isEqualTo("in progress");
    assertThat(QuestionProgress.notRun(5).plus(true, false).status().label()).isEqualTo("passing");
  }
}
