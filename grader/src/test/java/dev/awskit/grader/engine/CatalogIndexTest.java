package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shows that the catalog a grader reads from its index is the one a scan of its classes finds. */
class CatalogIndexTest {

  @Test
  void indexTheBuildWroteHoldsWhatAScanOfTheKitFinds() {
    // given: the index the build wrote among the grader's classes
    List<Question> scanned = Catalog.scanKit().questions();

    // when
    List<Question> indexed =
        CatalogIndex.read(CatalogIndex.class.getClassLoader()).orElseThrow().questions();

    // then
    assertThat(indexed).as("the questions the index holds").isEqualTo(scanned);
    assertThat(Catalog.load().questions()).as("the catalog a grader loads").isEqualTo(scanned);
  }

  @Test
  void catalogWrittenAndReadBackIsTheSame(@TempDir Path classes) throws IOException {
    // given: the fixture questions, one with a test of two points and a constructor of two types
    Catalog fixtures =
        Catalog.scan(Catalog.CONTRACTS_PACKAGE, Catalog.HIDDEN_TESTS_PACKAGE, 98, 99);
    writeIndex(classes, indexOf(fixtures));

    // when
    Catalog read;
    try (URLClassLoader loader = loaderOf(classes)) {
      read = CatalogIndex.read(loader).orElseThrow();
    }

    // then
    assertThat(read.questions()).isEqualTo(fixtures.questions());
    assertThat(read.tests()).isEqualTo(fixtures.tests());
  }

  @Test
  void classesWithoutAnIndexGiveNone(@TempDir Path classes) throws IOException {
    // given: a classes folder an IDE compiled, with no index
    try (URLClassLoader loader = loaderOf(classes)) {
      // when / then
      assertThat(CatalogIndex.read(loader)).isEmpty();
    }
  }

  @Test
  void brokenIndexIsRefusedWithTheLineAtFault(@TempDir Path classes) throws IOException {
    // given: an index whose second test line lost a field
    Catalog fixtures =
        Catalog.scan(Catalog.CONTRACTS_PACKAGE, Catalog.HIDDEN_TESTS_PACKAGE, 98, 99);
    String[] lines = indexOf(fixtures).split("\n");
    int lastTest = lines.length - 1;
    lines[lastTest] = lines[lastTest].substring(0, lines[lastTest].lastIndexOf('\t'));
    writeIndex(classes, String.join("\n", lines) + "\n");

    // when / then
    try (URLClassLoader loader = loaderOf(classes)) {
      assertThatThrownBy(() -> CatalogIndex.read(loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("line " + (lastTest + 1))
          .hasMessageContaining("Rebuild the grader");
    }
  }

  @Test
  void indexOfAnotherVersionIsRefused(@TempDir Path classes) throws IOException {
    // given
    writeIndex(classes, "# some other index\n");

    // when / then
    try (URLClassLoader loader = loaderOf(classes)) {
      assertThatThrownBy(() -> CatalogIndex.read(loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("line 1");
    }
  }

  @Test
  void testNameWithATabCannotBeIndexed() {
    // given: a question whose only test has a tab in its name
    HiddenTest tabbed = new HiddenTest("a.B#c", 99, "a.B", "c", "greets\tloudly", 1);
    Catalog catalog =
        new Catalog(
            List.of(new Question(99, "Greeter", "a.Greeter", "Impl", List.of(), List.of(tabbed))));

    // when / then
    assertThatThrownBy(() -> CatalogIndex.write(catalog, new StringWriter()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("greets\tloudly");
  }

  private static String indexOf(Catalog catalog) throws IOException {
    StringWriter out = new StringWriter();
    CatalogIndex.write(catalog, out);
    return out.toString();
  }

  private static void writeIndex(Path classes, String text) throws IOException {
    Path index = classes.resolve(CatalogIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, text, StandardCharsets.UTF_8);
  }

  /** Returns a loader that sees {@code classes} and nothing of the grader's own. */
  private static URLClassLoader loaderOf(Path classes) throws IOException {
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
  }
}
