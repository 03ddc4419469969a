package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs every command of the handout and of the kit's README in the exported kit, as a student
 * would, in separate Maven runs: question 6 is implemented (the reference solution's class, moved
 * into the student's package), the other eleven are the untouched stubs, and the runs show the
 * one passing and the eleven not started. The README's {@code ./mvnw} and {@code sh mvnw} forms of
 * the command for every question differ only in how the wrapper starts; the {@code sh} form runs
 * every question, and the one-question command starts the wrapper the other way.
 *
 * <p>The nested builds run offline: everything the kit's build needs has been resolved by the
 * build that runs this test, and the Maven Wrapper's distribution by the wrapper that started it.
 */
class StudentKitCommandsSlowTest {

  private static final Duration TIME_LIMIT = Duration.ofMinutes(4);
  private static final Pattern QUESTION =
      Pattern.compile("dev\\.awskit\\.exercises\\.q(\\d\\d)\\.");

  private static final String ALL = "./mvnw -pl exercises test -Pstudent";
  private static final String ALL_THROUGH_SH = "sh mvnw -pl exercises test -Pstudent";
  private static final String CHMOD = "chmod +x mvnw";
  private static final String QUESTION_6 =
      "./mvnw -pl exercises test -Pstudent -Dtest='dev.awskit.exercises.q06.*Test'";

  @TempDir Path temp;

  @Test
  void theHandoutAndTheReadmeGiveTheCommandsThisTestRunsAndTheirWindowsForms() throws IOException {
    // given
    Path kit = exportedKit();

    // when
    Set<String> commands = commandsOf(kit.resolve("docs/handout.md"), kit.resolve("README.md"));

    // then
    assertThat(commands.stream().filter(command -> !command.startsWith("mvnw.cmd")))
        .as("the commands of the handout and the README that a Linux shell runs")
        .containsExactlyInAnyOrder(ALL, QUESTION_6, CHMOD, ALL_THROUGH_SH);
    assertThat(commands.stream().filter(command -> command.startsWith("mvnw.cmd")))
        .as("each Windows form is a command run here, in cmd's quoting")
        .containsExactlyInAnyOrder(
            ALL.replace("./mvnw", "mvnw.cmd"),
            QUESTION_6.replace("./mvnw", "mvnw.cmd").replace('\'', '"'));
  }

  @Test
  void everyCommandRunsAndTheProgressTableFollowsTheWork() throws Exception {
    // given: the kit as exported, with question 6 done and the other eleven left as stubs
    Path kit = exportedKit();
    implementQuestion6(kit);

    // when: the wrapper started as unpacked (so the zip must keep its execute bit), then chmod,
    // then every question through sh; ALL is ALL_THROUGH_SH started as the first command starts
    Run question6 = run(kit, QUESTION_6);
    Run chmod = run(kit, CHMOD);
    Run throughSh = run(kit, ALL_THROUGH_SH);
    List<PublicTestResult> results =
        readSurefireReports(kit.resolve("exercises/target/surefire-reports"));

    // then
    assertThat(question6.exitCode()).as(question6.tail()).isZero();
    assertThat(question6.output()).contains("BUILD SUCCESS").doesNotContain("No tests matching");
    assertThat(progressRows(question6))
        .filteredOn(row -> row.matches("\\s*6\\s.*"))
        .singleElement()
        .satisfies(row -> assertThat(row).matches(".*\\s3/3\\s+passing"));
    assertThat(progressRows(question6)).filteredOn(row -> row.endsWith("not run")).hasSize(11);

    assertThat(chmod.exitCode()).isZero();

    assertThat(throughSh.output()).contains("Tests run:", "BUILD FAILURE");
    assertThat(throughSh.exitCode()).as("failing public tests fail the build").isNotZero();
    assertThat(results).as("public tests run by the kit's build").hasSizeGreaterThanOrEqualTo(24);
    assertThat(results.stream().map(PublicTestResult::question).distinct().sorted().toList())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(results)
        .filteredOn(result -> result.question() != 6)
        .allSatisfy(
            result ->
                assertThat(result.failure())
                    .as("how %s failed", result.name())
                    .contains("Question " + result.question() + " is not implemented yet"));
    assertThat(results)
        .filteredOn(result -> result.question() == 6)
        .allSatisfy(result -> assertThat(result.failure()).as(result.name()).isEmpty());
    assertThat(progressRows(throughSh))
        .filteredOn(row -> row.endsWith("passing"))
        .singleElement()
        .satisfies(row -> assertThat(row).matches("\\s*6\\s.*"));
    assertThat(progressRows(throughSh)).filteredOn(row -> row.endsWith("not started")).hasSize(11);
    assertThat(throughSh.output()).contains("What the grader checks", "Question 12 - ");
    for (Run run : List.of(question6, throughSh)) {
      assertThat(run.output())
          .as("warnings a student would wonder about")
          .doesNotContain("SLF4J", "Sharing is only supported", "[WARNING]");
    }
  }

  private Path exportedKit() throws IOException {
    Path zip = temp.resolve("exported").resolve(StudentKit.DEFAULT_FILE_NAME);
    StudentKit.export(Repository.root(), zip);
    Path unpacked = Files.createDirectories(temp.resolve("student"));
    ZipListing.extract(zip, unpacked);
    return unpacked.resolve("awskit-student-kit");
  }

  /**
   * Returns the lines of the Markdown files' code blocks that have no language (the blocks of
   * commands), with their comments left out.
   */
  private static Set<String> commandsOf(Path... pages) throws IOException {
    Set<String> commands = new LinkedHashSet<>();
    for (Path page : pages) {
      String language = null;
      for (String line : Files.readAllLines(page)) {
        if (line.startsWith("```")) {
          language = language == null ? line.substring(3).strip() : null;
        } else if ("".equals(language)) {
          String command = line.replaceFirst("\\s+#.*$", "").strip();
          if (!command.isEmpty()) {
            commands.add(command);
          }
        }
      }
    }
    return commands;
  }

  /** Puts the reference solution's question 6 into the student's package, as a student would. */
  private static void implementQuestion6(Path kit) throws IOException {
    String solution =
        Files.readString(
            Repository.root()
                .resolve("solutions/src/main/java/dev/awskit/solutions/q06/DynamoDbManager.java"));
    Files.writeString(
        kit.resolve("exercises/src/main/java/dev/awskit/exercises/q06/DynamoDbManager.java"),
        solution.replace("package dev.awskit.solutions.q06;", "package dev.awskit.exercises.q06;"));
  }

  /** Returns the rows of the last progress table a run printed. */
  private static List<String> progressRows(Run run) {
    List<String> lines = run.output().lines().toList();
    int header = -1;
    for (int index = 0; index < lines.size(); index++) {
      if (lines.get(index).matches("\\s*Q\\s+Question\\s+Points\\s+Public tests\\s+Status")) {
        header = index;
      }
    }
    assertThat(header).as("a progress table in:%n%s", run.tail()).isNotNegative();
    return lines.subList(header + 1, lines.size()).stream()
        .takeWhile(line -> line.matches("\\s*\\d+  .*  (not started|in progress|passing|not run)"))
        .toList();
  }

  private record Run(int exitCode, String output) {
    String tail() {
      List<String> lines = output.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
  }

  /**
   * Runs a command of the docs in the kit as a shell would split it; a Maven run gets {@code -B
   * -o} and this build's local repository, so that it stays offline and quiet.
   */
  private Run run(Path kit, String command) throws IOException, InterruptedException {
    List<String> words = shellWords(command);
    int wrapper = words.indexOf(words.get(0).equals("sh") ? "mvnw" : "./mvnw");
    if (wrapper >= 0) {
      List<String> options = new ArrayList<>(List.of("-B", "-o"));
      localRepository().ifPresent(repository -> options.add("-Dmaven.repo.local=" + repository));
      words.addAll(wrapper + 1, options);
    }
    Path log = Files.createTempFile(temp, "run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(words)
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
    // Maven's own JVM, not the student's build: C1 alone starts these short runs sooner.
    environment.put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Process process = builder.start();
    if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError(command + " took longer than " + TIME_LIMIT.toSeconds() + " s");
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  /** Splits a command as a POSIX shell does for words, plain or in single quotes. */
  private static List<String> shellWords(String command) {
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("(?:'[^']*'|[^\\s'])+").matcher(command);
    while (word.find()) {
      words.add(word.group().replace("'", ""));
    }
    return words;
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
}
