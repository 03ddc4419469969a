package dev.awskit.grader.hidden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassFileMentionsTest {

  @Test
  void findsTheClassesThatNameTheTypeOrNameAClassThatDoes() throws IOException {
    // given
    ClassFileMentions mentions =
        new ClassFileMentions(classFiles(Indirect.class, Unrelated.class, Direct.class));

    // when
    var found = mentions.namingDirectlyOrNot(Runnable.class.getName());

    // then
    assertThat(found).containsExactly(Indirect.class.getName(), Direct.class.getName());
  }

  @Test
  void findsNoClassWhenNoneNamesTheType() throws IOException {
    // given
    ClassFileMentions mentions = new ClassFileMentions(classFiles(Unrelated.class));

    // when
    var found = mentions.namingDirectlyOrNot(Runnable.class.getName());

    // then
    assertThat(found).isEmpty();
  }

  @Test
  void countsAFileItCannotReadAsNamingEveryType() throws IOException {
    // given
    Map<String, byte[]> files = classFiles(Unrelated.class);
    files.put("dev.awskit.Broken", "not a class file".getBytes(StandardCharsets.US_ASCII));
    ClassFileMentions mentions = new ClassFileMentions(files);

    // when
    var found = mentions.namingDirectlyOrNot(Runnable.class.getName());

    // then
    assertThat(found).containsExactly("dev.awskit.Broken");
  }

  private static Map<String, byte[]> classFiles(Class<?>... types) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Class<?> type : types) {
      String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
      try (InputStream in = type.getResourceAsStream(file)) {
        files.put(type.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  /** Implements the type itself. */
  static class Direct implements Runnable {
    @Override
    public void run() {}
  }

  /** Implements it through its superclass, whose name alone its class file holds. */
  static class Indirect extends Direct {}

  /** Has nothing to do with it. */
  static class Unrelated {}
}
