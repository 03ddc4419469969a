package dev.awskit.grader.hidden.q99;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.exercises.q99.Greeter;
import dev.awskit.exercises.q99.GreetingException;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixture hidden tests of question 99 (not named *Test: Surefire must not run them itself). */
@QuestionTests(99)
class GreeterChecks {

  @Test
  @Points(2)
  @DisplayName("greets a person by name")
  void greetsByName(Submission submission) {
    Greeter greeter = submission.create(Greeter.class, "Hello");

    assertThat(greeter.greet("Ada"))
        .as("the greeting for Ada with the salutation Hello")
        .isEqualTo("Hello, Ada!");
  }

  @Test
  @DisplayName("refuses a blank name with GreetingException")
  void refusesBlankName(Submission submission) {
    Greeter greeter = submission.create(Greeter.class, "Hello");

    assertThatThrownBy(() -> greeter.greet(" "))
        .as("greeting a blank name")
        .isInstanceOf(GreetingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bo", "Li", "Ann"})
  @DisplayName("greets short names")
  void greetsShortNames(String name, Submission submission) {
    Greeter greeter = submission.create(Greeter.class, "Hi");

    assertThat(greeter.greet(name)).as("the greeting for " + name).isEqualTo("Hi, " + name + "!");
  }
}
