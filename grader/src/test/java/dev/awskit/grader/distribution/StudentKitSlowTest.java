package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the exported student kit as a student would, in a separate Maven run (20-40 s).
 *
 * <p>The nested build runs offline: everything the kit's build needs (the same plugins and the
 * exercises' dependencies) has already been resolved by the build that runs this test, and the
 * Maven Wrapper's distribution by the wrapper that started it.
 */
class StudentKitSlowTest {

  private static final Duration TIME_LIMIT = Duration.ofMinutes(4);
  private static final Pattern QUESTION =
      Pattern.compile("dev\\.awskit\\.exercises\\.q(\\d\\d)\\.");

  /** The packages and folders of the instructor's side, as text and as path segments. */
  private static final List<String> FORBIDDEN_TEXT =
      List.of(
          "dev.awskit.solutions", "dev/awskit/solutions", "dev.awskit.grader", "dev/awskit/grader");

  private static final Set<String> FORBIDDEN_FOLDERS =
      Set.of("solutions", "grader", "hidden", "faulty", "variants");

  @TempDir Path temp;

  @Test
  void holdsNothingOfTheSolutionsTheGraderOrItsTestMaterial() throws Exception {
    // given
    Path zip = temp.resolve(StudentKit.DEFAULT_FILE_NAME);
    Map<String, String> instructorFiles = instructorFileDigests(Repository.root());

    // when
    StudentKit.export(Repository.root(), zip);

    // then
    List<String> leaks = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (var entry : Collections.list(file.entries())) {
        String name = entry.getName();
        for (String segment : name.split("/")) {
          if (FORBIDDEN_FOLDERS.contains(segment)) {
            leaks.add(name + " sits in a folder named " + segment);
          }
        }
        if (entry.isDirectory()) {
          continue;
        }
        byte[] content = file.getInputStream(entry).readAllBytes();
        String text = new String(content, StandardCharsets.UTF_8);
        for (String forbidden : FORBIDDEN_TEXT) {
          if (name.contains(forbidden) || text.contains(forbidden)) {
            leaks.add(name + " names " + forbidden);
          }
        }
        String copied = instructorFiles.get(sha256(content));
        if (copied != null) {
          leaks.add(name + " is a copy of " + copied);
        }
      }
    }
    assertThat(leaks).as("instructor material in the student kit").isEmpty();
  }

  @Test
  void buildsAndRunsThePublicTestsWhichFailOnlyAsNotImplementedYet() throws Exception {
    // given
    Path zip = temp.resolve("exported").resolve(StudentKit.DEFAULT_FILE_NAME);
    StudentKit.export(Repository.root(), zip);
    Path unpacked = Files.createDirectories(temp.resolve("student"));
    ZipListing.extract(zip, unpacked);
    Path kit = unpacked.resolve("awskit-student-kit");

    // when
    Path log = temp.resolve("maven.log");
    int exit = runMaven(kit, log);

    // then
    String output = Files.readString(log);
    assertThat(exit)
        .as("exit code of ./mvnw in the kit; its output ends:%n%s", tail(output))
        .isZero();
    assertThat(output).contains("BUILD SUCCESS");
    List<PublicTestResult> results =
        readSurefireReports(kit.resolve("exercises/target/surefire-reports"));
    assertThat(results).as("public tests run by the kit's build").hasSizeGreaterThanOrEqualTo(24);
    assertThat(results.stream().map(PublicTestResult::question).distinct().sorted().toList())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(results)
        .allSatisfy(
            result ->
                assertThat(result.failure())
                    .as("how %s failed", result.name())
                    .contains("Question " + result.question() + " is not implemented yet"));
  }

  /** Runs {@code ./mvnw -B -o -pl exercises test} in the kit and returns its exit code. */
  private static int runMaven(Path kit, Path log) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "./mvnw",
                "-B",
                "-o",
                "-pl",
                "exercises",
                "test",
                // A failing public test is the expected outcome here; the reports tell how each
                // failed.
                "-Dmaven.test.failure.ignore=true"));
    localRepository().ifPresent(repository -> command.add("-Dmaven.repo.local=" + repository));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(kit.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    // Settings of the Maven run that started this test must not steer the student's build.
    for (String inherited :
        List.of(
            "MAVEN_ARGS",
            "MAVEN_BASEDIR",
            "MAVEN_PROJECTBASEDIR",
            "MAVEN_CONFIG",
            "MAVEN_DEBUG_OPTS")) {
      environment.remove(inherited);
    }
    Process maven = builder.start();
    if (!maven.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      maven.descendants().forEach(ProcessHandle::destroyForcibly);
      maven.destroyForcibly().waitFor();
      throw new AssertionError("The kit's build took longer than " + TIME_LIMIT.toSeconds() + " s");
    }
    return maven.exitValue();
  }

  /**
   * Returns the local repository this build uses, read off where JUnit's API jar was loaded from
   * ({@code REPOSITORY/org/junit/jupiter/junit-jupiter-api/VERSION/FILE.jar}).
   */
  private static Optional<Path> localRepository() {
    try {
      Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path repository = jar;
      for (int up = 0; up < 6 && repository != null; up++) {
        repository = repository.getParent();
      }
      boolean laidOutLikeARepository =
          repository != null
              && jar.startsWith(repository.resolve("org/junit/jupiter/junit-jupiter-api"));
      return laidOutLikeARepository ? Optional.of(repository) : Optional.empty();
    } catch (Exception unknown) {
      return Optional.empty();
    }
  }

  private record PublicTestResult(int question, String name, String failure) {}

  private static List<PublicTestResult> readSurefireReports(Path reports) throws Exception {
    List<PublicTestResult> results = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(reports)) {
      files =
          list.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))
              .sorted()
              .toList();
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (Path file : files) {
      NodeList cases =
          factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("testcase");
      for (int index = 0; index < cases.getLength(); index++) {
        Element testCase = (Element) cases.item(index);
        String className = testCase.getAttribute("classname");
        Matcher question = QUESTION.matcher(className);
        assertThat(question.lookingAt())
            .as("public test %s sits in a question's package", className)
            .isTrue();
        StringBuilder failure = new StringBuilder();
        for (String kind : List.of("failure", "error")) {
          NodeList problems = testCase.getElementsByTagName(kind);
          for (int at = 0; at < problems.getLength(); at++) {
            Element problem = (Element) problems.item(at);
            failure
                .append(problem.getAttribute("message"))
                .append('\n')
                .append(problem.getTextContent());
          }
        }
        results.add(
            new PublicTestResult(
                Integer.parseInt(question.group(1)),
                className + "#" + testCase.getAttribute("name"),
                failure.toString()));
      }
    }
    return results;
  }

  /**
   * Returns the SHA-256 of every source file of the solutions and grader modules, by digest, except
   * the student kit's own templates, which the grader keeps to write the kit.
   */
  private static Map<String, String> instructorFileDigests(Path root) throws IOException {
    Map<String, String> digests = new HashMap<>();
    Path templates =
        root.resolve("grader/src/main/resources/dev/awskit/grader/distribution/student-kit");
    for (String folder : List.of("solutions/src", "grader/src")) {
      try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
        for (Path file :
            (Iterable<Path>)
                walk.filter(Files::isRegularFile).filter(file -> !file.startsWith(templates))
                    ::iterator) {
          digests.put(sha256(Files.readAllBytes(file)), root.relativize(file).toString());
        }
      }
    }
    return digests;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String tail(String output) {
    return output
        .lines()
        .skip(Math.max(0, output.lines().count() - 40))
        .reduce("", (a, b) -> a + "\n" + b);
  }
}
