package dev.awskit.grader.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves that array type names are read in both of the forms ArchUnit gives them. */
class TypeNamesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "java.lang.String[], java.lang.String, 1",
    "int[][], int, 2",
    "[Ljava.io.File;, java.io.File, 1",
    "[[J, long, 2",
    "java.lang.Object, java.lang.Object, 0"
  })
  void readsElementAndDimensions(String name, String element, int dimensions) {
    assertThat(TypeNames.elementName(name)).as("element type of %s", name).isEqualTo(element);
    assertThat(TypeNames.dimensions(name)).as("dimensions of %s", name).isEqualTo(dimensions);
  }
}
