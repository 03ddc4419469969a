package dev.awskit.grader.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the bytes of a source file into text, whatever encoding a student's editor chose.
 *
 * <p>In order: a UTF-8 byte-order mark is dropped; a UTF-32 or UTF-16 byte-order mark selects
 * that encoding; otherwise the bytes must be UTF-8. What still does not decode is handled as the
 * {@link UndecodableSource} policy says. Nothing here throws on bad input.
 */
final class SourceDecoder {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /** Describes the text of a source, or why it has none. */
  sealed interface Decoded permits Decoded.Text, Decoded.Undecodable {

    /** Holds decoded text and, when the intake had to convert or guess, a note for the student. */
    record Text(String text, Optional<String> note) implements Decoded {}

    /** Explains why the bytes were refused. */
    record Undecodable(String problem) implements Decoded {}
  }

  private final UndecodableSource policy;

  SourceDecoder(UndecodableSource policy) {
    this.policy = policy;
  }

  /** Decodes {@code bytes}; {@code name} appears in notes and problems. */
  Decoded decode(byte[] bytes, String name) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return utf8(bytes, 3, name);
    }
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      return withBom(bytes, 4, UTF_32BE, "UTF-32", name);
    }
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      return withBom(bytes, 4, UTF_32LE, "UTF-32", name);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return withBom(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16", name);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return withBom(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16", name);
    }
    return utf8(bytes, 0, name);
  }

  private Decoded utf8(byte[] bytes, int start, String name) {
    Attempt attempt = strictly(bytes, start, StandardCharsets.UTF_8);
    if (attempt.text() != null) {
      return new Decoded.Text(attempt.text(), nulNote(attempt.text(), name));
    }
    String where = "line " + lineOf(bytes, attempt.badOffset());
    if (policy == UndecodableSource.REFUSE) {
      return new Decoded.Undecodable(
          name + " is not valid UTF-8 (first bad byte on " + where + "). Save it as UTF-8 and"
              + " submit again.");
    }
    Attempt western = strictly(bytes, start, WINDOWS_1252);
    String text =
        western.text() != null
            ? western.text()
            : new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
    String charset = western.text() != null ? "windows-1252" : "ISO-8859-1";
    return new Decoded.Text(
        text,
        Optional.of(
            name + " is not valid UTF-8 (first bad byte on " + where + "); it was read as "
                + charset + ". Check its accented letters, and save it as UTF-8 next time."));
  }

  private Decoded withBom(byte[] bytes, int start, Charset charset, String label, String name) {
    Attempt attempt = strictly(bytes, start, charset);
    if (attempt.text() != null) {
      return new Decoded.Text(
          attempt.text(),
          Optional.of(name + " was saved as " + label + "; it was converted to UTF-8."));
    }
    if (policy == UndecodableSource.REFUSE) {
      return new Decoded.Undecodable(
          name + " starts with a " + label + " byte-order mark but is not valid " + label
              + ". Save it as UTF-8 and submit again.");
    }
    String text = new String(bytes, start, bytes.length - start, charset);
    return new Decoded.Text(
        text,
        Optional.of(
            name + " starts with a " + label + " byte-order mark but is damaged; the bytes that"
                + " did not decode were replaced by \uFFFD. Save it as UTF-8 next time."));
  }

  private static Optional<String> nulNote(String text, String name) {
    if (text.indexOf('\u0000') < 0) {
      return Optional.empty();
    }
    return Optional.of(
        name + " contains NUL characters, which Java does not accept; was it saved as UTF-16"
            + " without a byte-order mark? Save it as UTF-8.");
  }

  /** Holds decoded text, or the offset of the first byte that did not decode. */
  private record Attempt(String text, int badOffset) {}

  private static Attempt strictly(byte[] bytes, int start, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    // Each of these charsets yields at most one char per byte, or two per four-byte sequence.
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return new Attempt(null, in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      return new Attempt(null, in.position());
    }
    return new Attempt(out.flip().toString(), -1);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
