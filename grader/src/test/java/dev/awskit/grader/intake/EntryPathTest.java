package dev.awskit.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPathTest {

  @ParameterizedTest
  @ValueSource(strings = {"../A.java", "a/../../A.java", "a\\..\\A.java", "/etc/A.java", "\\\\server\\A.java", "C:\\A.java", "c:A.java", "a/\u0000/A.java"})
  void refusesNamesThatCouldEscape(String name) {
    assertThatThrownBy(() -> EntryPath.parse(name, 400)).isInstanceOf(Refusal.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b/C.java", "./a//b/./C.java", "a\\b\\C.java", "a/b..c/C.java", "a/..b/C.java"})
  void keepsHarmlessNames(String name) {
    assertThat(EntryPath.parse(name, 400).fileName()).isEqualTo("C.java");
  }

  @ParameterizedTest
  @ValueSource(ints = {401})
  void refusesLongPaths(int length) {
    assertThatThrownBy(() -> EntryPath.parse("a".repeat(length), 400))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("longer than 400 characters");
  }
}
