package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentKitTest {

  @TempDir Path temp;

  @Test
  void holdsTheExercisesTheDocsTheWrapperAndTheStudentFiles() throws IOException {
    // given
    Path zip = temp.resolve("out").resolve("lab-6.zip");

    // when
    WrittenArchive written = StudentKit.export(Repository.root(), zip);

    // then
    List<String> names = ZipListing.fileNames(zip);
    assertThat(written.file()).isEqualTo(zip.toAbsolutePath());
    assertThat(written.entries()).containsExactlyInAnyOrderElementsOf(names);
    assertThat(names).allSatisfy(name -> assertThat(name).startsWith("lab-6/"));
    assertThat(names)
        .contains(
            "lab-6/pom.xml",
            "lab-6/README.md",
            "lab-6/.gitignore",
            "lab-6/mvnw",
            "lab-6/mvnw.cmd",
            "lab-6/.mvn/wrapper/maven-wrapper.properties",
            "lab-6/docs/handout.md",
            "lab-6/exercises/pom.xml",
            "lab-6/exercises/src/main/java/dev/awskit/exercises/Exercise.java",
            "lab-6/exercises/src/main/java/dev/awskit/exercises/q06/DynamoDbManager.java",
            "lab-6/exercises/src/test/java/dev/awskit/exercises/Implementations.java",
            "lab-6/exercises/src/test/java/dev/awskit/exercises/q06/DynamoDbManagerTest.java");
    Map<String, Long> testsPerQuestion =
        names.stream()
            .filter(
                name ->
                    name.matches(
                        "lab-6/exercises/src/test/java/dev/awskit/exercises/q\\d\\d/.*Test\\.java"))
            .collect(Collectors.groupingBy(name -> name.split("/")[8], Collectors.counting()));
    assertThat(testsPerQuestion.keySet())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 12).mapToObj(q -> String.format("q%02d", q)).toList());
  }

  @Test
  void copiesEveryExercisesSourceAndNoBuildOutput() throws IOException {
    // given
    Path root = Repository.root();
    Path zip = temp.resolve("kit.zip");
    List<String> sources;
    try (Stream<Path> walk = Files.walk(root.resolve("exercises/src"))) {
      sources =
          walk.filter(Files::isRegularFile)
              .map(file -> "kit/" + root.relativize(file).toString().replace('\\', '/'))
              .toList();
    }

    // when
    StudentKit.export(root, zip);

    // then
    List<String> names = ZipListing.fileNames(zip);
    assertThat(names).containsAll(sources);
    assertThat(names)
        .noneMatch(
            name -> name.contains("/target/") || name.endsWith(".class") || name.endsWith(".jar"));
  }

  @Test
  void keepsMvnwExecutableAndOtherFilesPlain() throws IOException {
    // given
    Path zip = temp.resolve("kit.zip");

    // when
    StudentKit.export(Repository.root(), zip);

    // then
    Map<String, ZipListing.Entry> entries =
        ZipListing.entries(zip).stream()
            .collect(Collectors.toMap(ZipListing.Entry::name, entry -> entry));
    assertThat(entries.get("kit/mvnw").unixMode()).isEqualTo(0755);
    assertThat(entries.get("kit/pom.xml").unixMode()).isEqualTo(0644);
    assertThat(entries.get("kit/mvnw.cmd").isExecutable()).isFalse();
  }

  @Test
  void givesStudentsAReadmeWithTheTestCommandAndWhatToSubmit() throws IOException {
    // given
    Path zip = temp.resolve("kit.zip");

    // when
    StudentKit.export(Repository.root(), zip);

    // then
    String readme = ZipListing.read(zip, "kit/README.md");
    assertThat(readme)
        .contains(
            "./mvnw -pl exercises test",
            "mvnw.cmd -pl exercises test",
            "sh mvnw",
            "docs/handout.md",
            "## What to submit");
    assertThat(ZipListing.read(zip, "kit/.gitignore")).contains("target/");
    assertThat(ZipListing.read(zip, "kit/pom.xml"))
        .contains("<skipPublicTests>false</skipPublicTests>");
  }

  @Test
  void refusesToWriteAKitThatNamesTheSolutionPackage() throws IOException {
    // given
    Path repository = copyOfTheBuildFiles();
    Path leaky = repository.resolve("exercises/src/main/java/dev/awskit/exercises/q01/Leaky.java");
    Files.createDirectories(leaky.getParent());
    Files.writeString(
        leaky,
        "package dev.awskit.exercises.q01;\n"
            + "import dev.awskit.solutions.q01.ClientStylesExplainer;\n");
    Path zip = temp.resolve("kit.zip");

    // when, then
    assertThatThrownBy(() -> StudentKit.export(repository, zip))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("Leaky.java names dev.awskit.solutions");
    assertThat(zip).doesNotExist();
  }

  @Test
  void leavesOutIdeFilesAndBuildOutputOfTheExercises() throws IOException {
    // given
    Path repository = copyOfTheBuildFiles();
    Path exercises = repository.resolve("exercises");
    Files.createDirectories(exercises.resolve("target/classes"));
    Files.writeString(exercises.resolve("target/classes/Stale.txt"), "old");
    Files.createDirectories(exercises.resolve(".idea"));
    Files.writeString(exercises.resolve(".idea/workspace.xml"), "<project/>");
    Files.writeString(exercises.resolve("exercises.iml"), "<module/>");
    Path zip = temp.resolve("kit.zip");

    // when
    StudentKit.export(repository, zip);

    // then
    assertThat(ZipListing.fileNames(zip))
        .contains("kit/exercises/pom.xml")
        .noneMatch(
            name -> name.contains("target") || name.contains(".idea") || name.endsWith(".iml"));
  }

  @Test
  void refusesAFolderThatIsNotTheKitsRepository() {
    assertThatThrownBy(() -> StudentKit.export(temp, temp.resolve("kit.zip")))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("is not the kit's repository")
        .hasMessageContaining("pom.xml is missing");
  }

  @Test
  void refusesToWriteTheZipIntoAFolderItCopies() {
    Path root = Repository.root();
    assertThatThrownBy(() -> StudentKit.export(root, root.resolve("exercises/kit.zip")))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("outside the folders it copies");
  }

  /** Copies the root pom, the wrapper, the handout and the exercises' pom into a fresh folder. */
  private Path copyOfTheBuildFiles() throws IOException {
    Path root = Repository.root();
    Path copy = temp.resolve("repository");
    for (String file :
        List.of(
            "pom.xml",
            "mvnw",
            "mvnw.cmd",
            ".mvn/wrapper/maven-wrapper.properties",
            "docs/handout.md",
            "exercises/pom.xml",
            "solutions/pom.xml",
            "grader/pom.xml")) {
      Files.createDirectories(copy.resolve(file).getParent());
      Files.copy(root.resolve(file), copy.resolve(file));
    }
    return copy;
  }
}
