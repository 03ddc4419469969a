package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checks that the wire reads whole frames and skips whatever else is written on the channel. */
@Timeout(5)
class WireTest {

  private static final byte[] MARK = "JUDG".getBytes(StandardCharsets.US_ASCII);

  private final ByteArrayOutputStream channel = new ByteArrayOutputStream();
  private final DataOutputStream raw = new DataOutputStream(channel);

  private void frame(String kind, long id) throws IOException {
    new Wire(InputStream.nullInputStream(), channel).write(Wire.frame(kind).put("id", id));
  }

  private void rawFrame(int length, byte[] body) throws IOException {
    raw.write(MARK);
    raw.writeInt(length);
    raw.write(body);
  }

  private Wire reader() {
    return new Wire(new ByteArrayInputStream(channel.toByteArray()), OutputStream.nullOutputStream());
  }

  @Test
  void framesAreReadWholeAndInOrder() throws IOException {
    // given
    frame("call", 1);
    frame("ret", 2);
    Wire wire = reader();

    // when
    JsonNode first = wire.read();
    JsonNode second = wire.read();

    // then
    assertThat(first.path("k").asText() + first.path("id").asLong()).as("the first frame").isEqualTo("call1");
    assertThat(second.path("k").asText() + second.path("id").asLong()).as("the second frame").isEqualTo("ret2");
  }

  @Test
  void garbageBeforeAFrameIsSkipped() throws IOException {
    // given text a submission printed, naming the mark too, and stray bytes
    raw.write("JUDGE ruled\n".getBytes(StandardCharsets.UTF_8));
    raw.write(new byte[] {0, 0x4A, 0x55, (byte) 0xFF, 0x4A});
    frame("ret", 7);

    // when
    JsonNode read = reader().read();

    // then
    assertThat(read.path("id").asLong()).as("the frame after the garbage should be read").isEqualTo(7);
  }

  @Test
  void aFrameOfBrokenJsonIsSkipped() throws IOException {
    // given
    byte[] broken = "{\"k\":\"call\",".getBytes(StandardCharsets.UTF_8);
    rawFrame(broken.length, broken);
    byte[] notAnObject = "[1,2]".getBytes(StandardCharsets.UTF_8);
    rawFrame(notAnObject.length, notAnObject);
    frame("ret", 8);

    // when
    JsonNode read = reader().read();

    // then
    assertThat(read.path("id").asLong())
        .as("the frames that are no JSON object should be skipped for the next one")
        .isEqualTo(8);
  }

  @Test
  void aLengthAboveTheCapOrBelowZeroIsSkipped() throws IOException {
    // given
    rawFrame(Wire.MAX_FRAME_BYTES + 1, new byte[0]);
    rawFrame(-5, new byte[0]);
    frame("ret", 9);

    // when
    JsonNode read = reader().read();

    // then
    assertThat(read.path("id").asLong())
        .as("a length past the cap should be skipped without reading that many bytes")
        .isEqualTo(9);
  }

  @Test
  void theEndOfTheChannelIsAnEofException() throws IOException {
    // given
    Wire empty = reader();
    rawFrame(100, "{\"k\":".getBytes(StandardCharsets.UTF_8));
    Wire truncated = reader();

    // when
    Throwable atEnd = catchThrowable(empty::read);
    Throwable midFrame = catchThrowable(truncated::read);

    // then
    assertThat(atEnd).as("an empty channel should end in an EOFException").isInstanceOf(EOFException.class);
    assertThat(midFrame)
        .as("a channel that ends inside a frame should end in an EOFException")
        .isInstanceOf(EOFException.class);
  }
}
