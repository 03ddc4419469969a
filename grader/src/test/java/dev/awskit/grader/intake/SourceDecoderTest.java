package dev.awskit.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SourceDecoderTest {

  private final SourceDecoder lenient = new SourceDecoder(UndecodableSource.DECODE_AS_WINDOWS_1252);
  private final SourceDecoder strict = new SourceDecoder(UndecodableSource.REFUSE);

  @Test
  @DisplayName("plain UTF-8 decodes with no note")
  void utf8() {
    // when
    SourceDecoder.Decoded decoded = lenient.decode("class A { char c = '\u00df'; }".getBytes(StandardCharsets.UTF_8), "A.java");

    // then
    assertThat(decoded).isEqualTo(new SourceDecoder.Decoded.Text("class A { char c = '\u00df'; }", java.util.Optional.empty()));
  }

  @Test
  @DisplayName("windows-1252 bytes such as the euro sign 0x80 decode as windows-1252")
  void windows1252() {
    // when
    SourceDecoder.Decoded decoded = lenient.decode("// \u20ac5".getBytes(Charset.forName("windows-1252")), "A.java");

    // then
    assertThat(((SourceDecoder.Decoded.Text) decoded).text()).isEqualTo("// \u20ac5");
  }

  @Test
  @DisplayName("a byte windows-1252 leaves undefined falls back to ISO-8859-1, never an exception")
  void undefinedInWindows1252() {
    // when
    SourceDecoder.Decoded decoded = lenient.decode(new byte[] {'/', '/', (byte) 0x81}, "A.java");

    // then
    SourceDecoder.Decoded.Text text = (SourceDecoder.Decoded.Text) decoded;
    assertThat(text.text()).isEqualTo("//\u0081");
    assertThat(text.note()).hasValueSatisfying(n -> assertThat(n).contains("ISO-8859-1"));
  }

  @Test
  @DisplayName("UTF-32 with a byte-order mark is recognised before UTF-16")
  void utf32() {
    // given
    byte[] body = "class A {}".getBytes(Charset.forName("UTF-32LE"));
    byte[] bytes = new byte[body.length + 4];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 4, body.length);

    // when / then
    assertThat(((SourceDecoder.Decoded.Text) lenient.decode(bytes, "A.java")).text()).isEqualTo("class A {}");
  }

  @Test
  @DisplayName("damaged UTF-16 is replaced with a note, or refused under the strict policy")
  void damagedUtf16() {
    // given: a BOM and an unpaired high surrogate
    byte[] bytes = {(byte) 0xFE, (byte) 0xFF, 0, 'a', (byte) 0xD8, 0x00, 0, 'b'};

    // when / then
    assertThat(lenient.decode(bytes, "A.java")).isInstanceOf(SourceDecoder.Decoded.Text.class);
    assertThat(strict.decode(bytes, "A.java"))
        .isEqualTo(new SourceDecoder.Decoded.Undecodable(
            "A.java starts with a UTF-16 byte-order mark but is not valid UTF-16. Save it as UTF-8 and submit again."));
  }

  @Test
  @DisplayName("NUL characters, the sign of UTF-16 without a mark, add a note")
  void nulCharacters() {
    // when
    SourceDecoder.Decoded decoded = lenient.decode("class A {}".getBytes(StandardCharsets.UTF_16LE), "A.java");

    // then
    assertThat(((SourceDecoder.Decoded.Text) decoded).note()).hasValueSatisfying(n -> assertThat(n).contains("NUL"));
  }

  @Test
  @DisplayName("random bytes never throw")
  void randomBytes() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      assertThat(lenient.decode(bytes, "R.java")).isInstanceOf(SourceDecoder.Decoded.Text.class);
      assertThat(strict.decode(bytes, "R.java")).isNotNull();
    }
  }
}
