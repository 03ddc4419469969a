package dev.awskit.grader.defendant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes and reads the frames of an {@link Endpoint}: a mark, a length, and a JSON object. What
 * the other side writes is read within caps, and anything but a frame breaks the pair.
 */
final class Wire {

  /** Caps a frame: more than any value a test and the code pass each other (about 1 MB). */
  static final int MAX_FRAME_BYTES = 16 << 20;

  /**
   * Starts every frame. The submission can reach the JVM's standard output, the channel, past the
   * vetting: what it writes there is skipped up to the next mark, and a frame that is not JSON is
   * skipped too, so that its text neither breaks the pair nor leaves a call waiting for the rest
   * of a frame. Writing whole frames of its own gains it nothing it could not answer anyway.
   */
  private static final int FRAME_MARK = 0x4A554447;

  private final ObjectMapper json = JsonMapper.builder().build();
  private final DataInputStream in;
  private final DataOutputStream out;

  Wire(InputStream in, OutputStream out) {
    this.in = new DataInputStream(in);
    this.out = new DataOutputStream(out);
    json.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(8 * Codec.MAX_DEPTH)
                .maxStringLength(MAX_FRAME_BYTES)
                .build());
  }

  /** Returns a new frame of {@code kind}. */
  static ObjectNode frame(String kind) {
    return Codec.nodes().objectNode().put("k", kind);
  }

  /** Writes {@code message} whole, whatever other threads write. */
  void write(ObjectNode message) throws IOException {
    byte[] frame = json.writeValueAsBytes(message);
    synchronized (out) {
      out.writeInt(FRAME_MARK);
      out.writeInt(frame.length);
      out.write(frame);
      out.flush();
    }
  }

  /**
   * Reads the next frame, skipping what is not one; throws {@link EOFException} when the other
   * side closed the channel.
   */
  JsonNode read() throws IOException {
    while (true) {
      int window = in.readInt();
      while (window != FRAME_MARK) {
        window = (window << 8) | in.readUnsignedByte();
      }
      int length = in.readInt();
      if (length < 0 || length > MAX_FRAME_BYTES) {
        continue;
      }
      byte[] frame = in.readNBytes(length);
      if (frame.length < length) {
        throw new EOFException();
      }
      try {
        JsonNode message = json.readTree(frame);
        if (message != null && message.isObject()) {
          return message;
        }
      } catch (JsonProcessingException notJson) {
        // Text that happened to hold the mark: skipped like the rest.
      }
    }
  }
}
