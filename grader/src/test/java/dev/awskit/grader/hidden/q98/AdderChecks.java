package dev.awskit.grader.hidden.q98;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q98.Adder;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Fixture hidden tests of question 98 (not named *Test: Surefire must not run them itself). */
@QuestionTests(98)
class AdderChecks {

  @Test
  @Points(1)
  @DisplayName("adds two positive numbers")
  void addsPositiveNumbers(Submission submission) {
    Adder adder = submission.create(Adder.class);

    assertThat(adder.add(2, 3)).as("2 + 3").isEqualTo(5);
  }

  @Test
  @Points(3)
  @DisplayName("adds negative numbers")
  void addsNegativeNumbers(Submission submission) {
    Adder adder = submission.create(Adder.class);

    assertThat(adder.add(-2, -3)).as("-2 + -3").isEqualTo(-5);
  }
}
