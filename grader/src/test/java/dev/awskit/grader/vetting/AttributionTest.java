package dev.awskit.grader.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.testing.TestCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Attributes the violations of {@code src/test/resources/vetting/attribution} to questions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributionTest {

  private VettingReport report;
  private final Map<Integer, List<String>> implementations = new LinkedHashMap<>();

  @BeforeAll
  void compileAndVet(@TempDir Path temp) throws IOException {
    Path classes = Files.createDirectories(temp.resolve("classes"));
    report = new StaticVetting().vet(TestCompiler.compile(StaticVettingTest.resource("attribution"), classes));
    implementations.put(1, List.of("sample.FirstImpl"));
    implementations.put(2, List.of("sample.SecondImpl"));
    implementations.put(3, List.of("sample.ThirdImpl"));
    implementations.put(4, List.of("sample.FourthImpl"));
    implementations.put(5, List.of("sample.CleanImpl"));
    implementations.put(6, List.of("sample.NotWritten"));
  }

  @Test
  @DisplayName("a helper costs every question that uses it, directly or through another class")
  void sharedHelper() {
    // when
    Attribution<Integer> attribution = report.attribute(implementations);

    // then
    for (int question : List.of(1, 2, 4)) {
      assertThat(attribution.byQuestion().get(question))
          .as("question %d", question)
          .extracting(Violation::className)
          .containsExactly("sample.SharedHelper");
    }
  }

  @Test
  @DisplayName("a nested class's violation costs the question of its outer class only")
  void nestedClass() {
    // when
    Attribution<Integer> attribution = report.attribute(implementations);

    // then
    assertThat(attribution.byQuestion().get(3))
        .isNotEmpty()
        .extracting(Violation::className)
        .containsOnly("sample.ThirdImpl$Inner");
    assertThat(attribution.byQuestion().get(1)).extracting(Violation::className).doesNotContain("sample.ThirdImpl$Inner");
  }

  @Test
  @DisplayName("clean and missing questions keep their place with no violation, in input order")
  void cleanQuestions() {
    // when
    Attribution<Integer> attribution = report.attribute(implementations);

    // then
    assertThat(attribution.byQuestion()).containsOnlyKeys(1, 2, 3, 4, 5, 6);
    assertThat(attribution.byQuestion().keySet()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(attribution.isClean(5)).isTrue();
    assertThat(attribution.isClean(6)).isTrue();
  }

  @Test
  @DisplayName("a class no implementation reaches costs nothing and is listed apart")
  void unreachableClass() {
    // when
    Attribution<Integer> attribution = report.attribute(implementations);

    // then
    assertThat(attribution.unattributed()).extracting(Violation::className).containsExactly("sample.Leftover");
  }

  @Test
  @DisplayName("a violation in a class the graph does not know costs every question")
  void unknownClass() {
    // given
    Violation stranger = new Violation("elsewhere.Stranger", "run()", 3, "Stranger.java", "process-exit", "calls System.exit(int)", "r");

    // when
    Attribution<Integer> attribution = Attribution.of(List.of(stranger), implementations, report.graph());

    // then
    assertThat(attribution.byQuestion().values()).allSatisfy(list -> assertThat(list).containsExactly(stranger));
  }

  @Test
  @DisplayName("without a graph, outer-class names decide, and any other class costs every question")
  void withoutGraph() {
    // when
    Attribution<Integer> attribution = Attribution.withoutGraph(report.violations(), implementations);

    // then
    assertThat(attribution.byQuestion().get(3)).extracting(Violation::className).contains("sample.ThirdImpl$Inner");
    assertThat(attribution.byQuestion().get(1)).extracting(Violation::className)
        .contains("sample.SharedHelper", "sample.Leftover")
        .doesNotContain("sample.ThirdImpl$Inner");
    assertThat(attribution.unattributed()).isEmpty();
  }

  @Test
  @DisplayName("the graph folds nested classes into their top-level class and follows uses")
  void graph() {
    // given
    ClassGraph graph = report.graph();

    // then
    assertThat(graph.topLevelClassOf("sample.ThirdImpl$Inner")).contains("sample.ThirdImpl");
    assertThat(graph.reachableFrom("sample.FourthImpl"))
        .isEqualTo(Set.of("sample.FourthImpl", "sample.Middle", "sample.SharedHelper"));
    assertThat(graph.reachableFrom("sample.NotWritten")).isEmpty();
  }
}
