package dev.awskit.grader.hidden.q01;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q01.ClientStyles;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.q01.ClientStylesRubric.KeyIdea;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuestionTests(1)
class ClientStylesHiddenTest {

  /** The fewest words of a sentence that explains an idea: "Full control" is a keyword. */
  private static final int MIN_WORDS = 4;

  private static final List<String> KEYS =
      List.of(
          ClientStyles.CLIENT,
          ClientStyles.RESOURCE,
          ClientStyles.CLIENT_ADVANTAGE,
          ClientStyles.RESOURCE_ADVANTAGE);

  @Test
  @Points(2)
  @Checks({"1.1"})
  @DisplayName("explain() answers under exactly the keys client, resource, client_advantage and resource_advantage")
  void answersExactlyTheFourKeys(Submission submission) {
    // when
    Map<String, String> answers = answersOf(submission);

    // then
    assertThat(answers.keySet())
        .withFailMessage(
            "explain() should return exactly the keys %s, but returned the keys %s.",
            KEYS, answers.keySet())
        .containsExactlyInAnyOrderElementsOf(KEYS);
  }

  @Test
  @Points(2)
  @Checks({"1.2"})
  @DisplayName("every one of the four answers is written out (not null, not blank)")
  void noAnswerIsBlank(Submission submission) {
    // when
    Map<String, String> answers = answersOf(submission);

    // then
    for (String key : KEYS) {
      String answer = answers.get(key);
      assertThat(answer)
          .withFailMessage(
              "The answer under \"%s\" should be a sentence or two of text, but it was %s.",
              key, answer == null ? "missing or null" : "blank")
          .isNotBlank();
    }
  }

  @Test
  @Points(1)
  @Checks({"1.3"})
  @DisplayName("the client answer explains the low-level service client")
  void clientAnswerNamesItsKeyIdea(Submission submission) {
    // when / then
    assertKeyIdea(answersOf(submission), ClientStyles.CLIENT);
  }

  @Test
  @Points(1)
  @Checks({"1.4"})
  @DisplayName("the resource answer explains the high-level libraries (Enhanced Client, Transfer Manager)")
  void resourceAnswerNamesItsKeyIdea(Submission submission) {
    // when / then
    assertKeyIdea(answersOf(submission), ClientStyles.RESOURCE);
  }

  @Test
  @Points(1)
  @Checks({"1.5"})
  @DisplayName("the client_advantage answer names a real advantage of service clients")
  void clientAdvantageNamesItsKeyIdea(Submission submission) {
    // when / then
    assertKeyIdea(answersOf(submission), ClientStyles.CLIENT_ADVANTAGE);
  }

  @Test
  @Points(1)
  @Checks({"1.5"})
  @DisplayName("the resource_advantage answer names a real advantage of the high-level libraries")
  void resourceAdvantageNamesItsKeyIdea(Submission submission) {
    // when / then
    assertKeyIdea(answersOf(submission), ClientStyles.RESOURCE_ADVANTAGE);
  }

  @Test
  @Points(1)
  @Checks({"1.6"})
  @DisplayName("the two descriptions differ, and so do the two advantages")
  void answersAreNotCopiedAcross(Submission submission) {
    // when
    Map<String, String> answers = answersOf(submission);

    // then
    assertDiffer(answers, ClientStyles.CLIENT, ClientStyles.RESOURCE, "describe its own style");
    assertDiffer(
        answers,
        ClientStyles.CLIENT_ADVANTAGE,
        ClientStyles.RESOURCE_ADVANTAGE,
        "name an advantage of its own style");
  }

  @Test
  @Points(1)
  @Checks({"1.7"})
  @DisplayName("explain() gives the same answer on every call, from any instance")
  void answerIsTheSameOnEveryCall(Submission submission) {
    // given
    ClientStyles explainer = submission.create(ClientStyles.class);

    // when
    Map<String, String> first = explainer.explain();
    Map<String, String> second = explainer.explain();
    Map<String, String> fromAnother = submission.create(ClientStyles.class).explain();

    // then
    assertThat(second)
        .withFailMessage(
            "explain() should give the same answer on every call, but the first call gave %s and"
                + " the second %s.",
            first, second)
        .isEqualTo(first);
    assertThat(fromAnother)
        .withFailMessage(
            "explain() should give the same answer from every instance, but one gave %s and"
                + " another %s.",
            first, fromAnother)
        .isEqualTo(first);
  }

  @Test
  @Points(1)
  @Checks({"1.2"})
  @DisplayName("every answer is a sentence of at least four words, not a bare keyword")
  void everyAnswerIsASentence(Submission submission) {
    // when
    Map<String, String> answers = answersOf(submission);

    // then
    for (String key : KEYS) {
      String answer = answers.get(key);
      String words = ClientStylesRubric.normalise(answer);
      int count = words.isEmpty() ? 0 : words.split(" ").length;
      assertThat(count)
          .withFailMessage(
              "The \"%s\" answer should be a sentence or two of plain English that explains the"
                  + " idea, but it is %d word(s): \"%s\".",
              key, count, answer)
          .isGreaterThanOrEqualTo(MIN_WORDS);
    }
  }

  private static Map<String, String> answersOf(Submission submission) {
    Map<String, String> answers = submission.create(ClientStyles.class).explain();
    assertThat(answers).withFailMessage("explain() returned null instead of a map.").isNotNull();
    return answers;
  }

  private static void assertDiffer(
      Map<String, String> answers, String oneKey, String otherKey, String purpose) {
    String one = ClientStylesRubric.normalise(answers.get(oneKey));
    String other = ClientStylesRubric.normalise(answers.get(otherKey));
    assertThat(one.isEmpty() || other.isEmpty())
        .withFailMessage(
            "The \"%s\" and \"%s\" answers must both be written out to be compared.",
            oneKey, otherKey)
        .isFalse();
    assertThat(one)
        .withFailMessage(
            "The \"%s\" and \"%s\" answers are the same text; each should %s.",
            oneKey, otherKey, purpose)
        .isNotEqualTo(other);
  }

  private static void assertKeyIdea(Map<String, String> answers, String key) {
    KeyIdea idea =
        ClientStylesRubric.forKey(key)
            .orElseThrow(() -> new IllegalStateException("The rubric has no entry for " + key));
    String answer = answers.get(key);
    assertThat(answer)
        .withFailMessage("There is no answer under \"%s\" (it is missing or blank).", key)
        .isNotBlank();
    assertThat(idea.isMetBy(answer))
        .withFailMessage(
            "The \"%s\" answer should say %s (for example words like: %s). Your answer was: \"%s\"",
            key, idea.idea(), idea.examples(), answer)
        .isTrue();
  }
}
