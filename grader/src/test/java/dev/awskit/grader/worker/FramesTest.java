package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.engine.TestOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Proves that only lines with the worker's nonce are read as messages. */
class FramesTest {

  private final Frames frames = new Frames("3f9a0c");

  @Test
  @DisplayName("a message survives its frame")
  void messageRoundTrips() {
    WorkerMessage message =
        new WorkerMessage.Event(
            new TestEvent.TestFinished("a.B#c", new TestOutcome.Failed("expected 5", "trace"), 7));

    String frame = frames.frame(message);

    assertThat(frame).startsWith("3f9a0c {").doesNotContain("\n");
    assertThat(frames.read(frame)).contains(message);
  }

  @Test
  @DisplayName("text printed without a line end before a frame does not hide the frame")
  void frameAfterStrayTextIsFound() {
    WorkerMessage done = new WorkerMessage.Done(true, "");

    assertThat(frames.read("no line end here " + frames.frame(done))).contains(done);
  }

  @Test
  @DisplayName("a line shaped like a message but without the nonce is not one")
  void forgedLinesAreNotMessages() {
    String forged = "{\"message\":\"done\",\"clean\":true,\"reason\":\"\"}";

    assertThat(frames.read(forged)).isEmpty();
    assertThat(frames.read("00000 " + forged)).isEmpty();
    assertThat(frames.read(new Frames("other").frame(new WorkerMessage.Ready()))).isEmpty();
    assertThat(frames.read("3f9a0c {not json")).isEmpty();
    assertThat(frames.read("")).isEmpty();
  }

  @Test
  @DisplayName("a nonce is one word")
  void nonceIsOneWord() {
    assertThatThrownBy(() -> new Frames("two words")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Frames("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("what a test prints is kept up to the bound and only counted past it")
  void capturedOutputIsBounded() {
    CapturedOutput output = new CapturedOutput(16);
    output.begin();
    byte[] line = "0123456789\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 100_000; i++) {
      output.write(line, 0, line.length);
    }

    CapturedOutput.Printed printed = output.end();

    assertThat(printed.text()).isEqualTo("0123456789\n01234");
    assertThat(printed.bytes()).isEqualTo(1_100_000);
    assertThat(output.end()).isEqualTo(new CapturedOutput.Printed("", 0));
  }

  @Test
  @DisplayName("a character cut in two at the bound is dropped, not garbled")
  void cutCharacterIsDropped() {
    CapturedOutput output = new CapturedOutput(4);
    byte[] text = "abcé".getBytes(StandardCharsets.UTF_8);
    output.write(text, 0, text.length);

    assertThat(output.end().text()).isEqualTo("abc");
  }

  @Test
  @DisplayName("planned tests survive their frame in order")
  void plannedRoundTrips() {
    WorkerMessage planned = new WorkerMessage.Planned(List.of("a.B#c", "a.B#d"));

    assertThat(frames.read(frames.frame(planned))).contains(planned);
  }
}
