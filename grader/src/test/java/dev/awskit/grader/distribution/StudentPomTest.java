package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Comment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class StudentPomTest {

  private static byte[] rootPom;
  private static PomXml original;
  private static PomXml student;

  @BeforeAll
  static void deriveFromTheRepositoryPom() throws Exception {
    rootPom = Files.readAllBytes(Repository.root().resolve("pom.xml"));
    original = PomXml.parse(rootPom);
    student =
        PomXml.parse(
            StudentPom.derive(rootPom, Set.of("exercises"), Set.of("solutions", "grader")));
  }

  @Test
  void keepsOnlyTheExercisesModule() {
    assertThat(original.texts("modules/module")).contains("exercises", "solutions", "grader");
    assertThat(student.texts("modules/module")).containsExactly("exercises");
  }

  @Test
  void runsThePublicTestsByDefaultAndWithTheStudentProfile() {
    assertThat(original.texts("properties/skipPublicTests")).containsExactly("true");
    assertThat(student.texts("properties/skipPublicTests")).containsExactly("false");
    Element profile =
        student.all("profiles/profile").stream()
            .filter(candidate -> new PomXml(candidate).texts("id").equals(List.of("student")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the student profile is gone"));
    assertThat(new PomXml(profile).texts("properties/skipPublicTests")).containsExactly("false");
  }

  @Test
  void explainsThePropertyInWordsForStudents() {
    Node before = student.one("properties/skipPublicTests").getPreviousSibling();
    while (before != null && !(before instanceof Comment)) {
      before = before.getPreviousSibling();
    }
    assertThat(before).isInstanceOf(Comment.class);
    String comment = ((Comment) before).getData();
    assertThat(comment).contains("public tests run").doesNotContain("solutions", "grader");
  }

  @Test
  void dropsManagedDependenciesOnModulesTheKitLeavesOut() {
    assertThat(original.texts("dependencyManagement/dependencies/dependency/artifactId"))
        .contains("solutions");
    List<String> managed = student.texts("dependencyManagement/dependencies/dependency/artifactId");
    assertThat(managed).doesNotContain("solutions", "grader").contains("bom", "exercises");
    assertThat(managed)
        .hasSize(
            original.texts("dependencyManagement/dependencies/dependency/artifactId").size() - 1);
  }

  @Test
  void keepsPluginsEnforcerJacocoAndVersionsAsTheyAre() {
    for (String path :
        List.of(
            "build/pluginManagement",
            "build/plugins",
            "modelVersion",
            "groupId",
            "artifactId",
            "version")) {
      assertThat(student.one(path).isEqualNode(original.one(path)))
          .as("<%s> unchanged", path)
          .isTrue();
    }
    assertThat(student.texts("build/plugins/plugin/artifactId"))
        .contains("maven-enforcer-plugin", "jacoco-maven-plugin");
    for (String property :
        List.of(
            "maven.compiler.release", "aws.sdk.version", "junit.version", "awskit.test.jvmArgs")) {
      assertThat(student.texts("properties/" + property))
          .isEqualTo(original.texts("properties/" + property));
    }
  }

  @Test
  void writesAnXmlDeclarationOnItsOwnLineAndNamesTheKitForStudents() throws Exception {
    String text =
        new String(
            StudentPom.derive(rootPom, Set.of("exercises"), Set.of("solutions")),
            StandardCharsets.UTF_8);
    assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project ");
    assertThat(text).doesNotContain("standalone").doesNotContain("\n\n\n");
    assertThat(student.texts("name")).singleElement().asString().contains("student kit");
    assertThat(student.texts("description"))
        .singleElement()
        .asString()
        .doesNotContain("solution", "grader");
  }

  @Test
  void refusesAPomWithoutTheExercisesModule() {
    byte[] pom =
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
          <modules><module>solutions</module></modules></project>
        """
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> StudentPom.derive(pom, Set.of("exercises"), Set.of()))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("exercises");
  }

  @Test
  void refusesADoctypeSoNoEntityIsExpanded() {
    byte[] pom =
        """
        <?xml version="1.0"?>
        <!DOCTYPE project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <project xmlns="http://maven.apache.org/POM/4.0.0"><name>&secret;</name>
          <modules><module>exercises</module></modules></project>
        """
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> StudentPom.derive(pom, Set.of("exercises"), Set.of()))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("Cannot read a pom.xml");
  }

  @Test
  void listsTheModulesOfTheRootPom() throws Exception {
    assertThat(StudentPom.modules(rootPom)).startsWith("exercises", "solutions", "grader");
  }

  @Test
  void readsAModulesArtifactId() throws Exception {
    byte[] pom = Files.readAllBytes(Repository.root().resolve("solutions/pom.xml"));
    assertThat(StudentPom.artifactId(pom)).isEqualTo("solutions");
  }
}
