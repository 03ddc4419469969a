package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plays a defendant that writes raw frames to a judge's endpoint, and checks what the judge
 * answers: no probe (its stacks name the hidden tests), and an error for a call to an object it
 * never passed.
 */
@Timeout(5)
class JudgeProbesTest {

  private final MemoryPipe toJudge = new MemoryPipe();
  private final MemoryPipe fromJudge = new MemoryPipe();
  private Endpoint judge;
  private Wire defendant;

  @BeforeEach
  void connect() {
    judge =
        new Endpoint(
            toJudge.in(),
            fromJudge.out(),
            JudgeProbesTest.class.getClassLoader(),
            true,
            (method, arguments) -> false);
    judge.serveInBackground("test-judge-reader");
    defendant = new Wire(fromJudge.in(), toJudge.out());
  }

  @AfterEach
  void disconnect() {
    judge.close();
    toJudge.close();
    fromJudge.close();
  }

  private void awaitEnd() throws InterruptedException {
    for (int i = 0; i < 200 && !judge.hasEnded(); i++) {
      Thread.sleep(10);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"where", "printed"})
  void aProbeSentToTheJudgeEndsItUnanswered(String probe) throws Exception {
    // given
    defendant.write(Wire.frame(probe).put("id", 1).put("c", 0));

    // when
    awaitEnd();

    // then
    assertThat(judge.hasEnded()).as("a '%s' probe should end the judge's endpoint", probe).isTrue();
    fromJudge.close();
    assertThat(fromJudge.in().readAllBytes())
        .as("the judge should have written nothing back to a '%s' probe", probe)
        .isEmpty();
  }

  @Test
  void aFrameOfAnUnknownKindEndsTheJudge() throws Exception {
    // given
    defendant.write(Wire.frame("exec").put("id", 1));

    // when
    awaitEnd();

    // then
    assertThat(judge.hasEnded()).as("a frame of an unknown kind should end the judge's endpoint").isTrue();
  }

  @Test
  void aCallToAnObjectNeverPassedIsAnsweredWithAnError() throws IOException {
    // given a call to a number the judge never gave out
    defendant.write(
        Wire.frame("call")
            .put("id", 3)
            .put("c", -1)
            .put("to", 424242)
            .put("m", "java.util.function.Supplier#get()")
            .put("i", false)
            .set("a", Codec.nodes().arrayNode()));

    // when
    JsonNode answer = defendant.read();

    // then
    assertThat(answer.path("k").asText()).as("the judge should answer with an error").isEqualTo("err");
    assertThat(answer.path("id").asLong()).as("the error should answer call 3").isEqualTo(3);
    assertThat(answer.path("e").path("types").get(0).asText())
        .as("the error should say the value cannot be passed")
        .isEqualTo(UncopyableValueException.class.getName());
    assertThat(judge.hasEnded()).as("the judge should keep serving").isFalse();
  }

  @Test
  void theEndOfTheChannelEndsTheJudge() throws Exception {
    // given
    toJudge.close();

    // when
    awaitEnd();

    // then
    assertThat(judge.hasEnded()).as("a closed channel should end the judge's endpoint").isTrue();
  }
}
