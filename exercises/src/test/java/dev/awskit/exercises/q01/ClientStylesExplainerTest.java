package dev.awskit.exercises.q01;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.Implementations;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientStylesExplainerTest {

  @Test
  @DisplayName("explain() answers under the four keys the contract names")
  void answersTheFourKeys() {
    // given
    ClientStyles styles = Implementations.create(ClientStyles.class);

    // when
    Map<String, String> answers = styles.explain();

    // then
    assertThat(answers)
        .as("the keys of the answer")
        .containsOnlyKeys(
            ClientStyles.CLIENT,
            ClientStyles.RESOURCE,
            ClientStyles.CLIENT_ADVANTAGE,
            ClientStyles.RESOURCE_ADVANTAGE);
  }

  @Test
  @DisplayName("every answer is written out, none is blank")
  void noAnswerIsBlank() {
    // given
    ClientStyles styles = Implementations.create(ClientStyles.class);

    // when
    Map<String, String> answers = styles.explain();

    // then
    assertThat(answers.values()).as("the four answers").allSatisfy(text -> assertThat(text).isNotBlank());
  }
}
