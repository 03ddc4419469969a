package dev.awskit.grader.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.testing.TestCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compiles the classes under {@code src/test/resources/vetting/refused} and {@code allowed} once,
 * vets them, and checks each finding against the {@code // refused: rule-id} markers in the
 * sources: every marked line must be reported for that rule, and nothing else may be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticVettingTest {

  /** Marks a line that must be reported; "(no line)" when the class file has no line for it. */
  private static final Pattern MARKER =
      Pattern.compile("// refused: ([a-z-]+(?:, [a-z-]+)*)( \\(no line\\))?\\s*$");

  private final StaticVetting vetting = new StaticVetting();
  private Path refusedSources;
  private VettingReport refused;
  private VettingReport allowed;

  @BeforeAll
  void compileAndVet(@TempDir Path temp) throws IOException {
    refusedSources = resource("refused");
    refused = vetting.vet(TestCompiler.compile(refusedSources, Files.createDirectories(temp.resolve("refused"))));
    allowed = vetting.vet(TestCompiler.compile(resource("allowed"), Files.createDirectories(temp.resolve("allowed"))));
  }

  @Test
  @DisplayName("every marked line is reported for its rule, and no unmarked line is")
  void findsExactlyTheMarkedLines() {
    // given
    List<String> expected = markers(refusedSources);

    // when
    List<String> actual =
        refused.violations().stream()
            .map(v -> v.sourceFile() + ":" + v.line() + " " + v.ruleId())
            .distinct()
            .toList();

    // then
    assertThat(actual)
        .as("violations found:%n%s", messages(refused.violations()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @DisplayName("code that only does what the exercises need passes with no violation")
  void cleanCodePasses() {
    assertThat(List.of("sample.CleanTransfer", "sample.CleanServices", "sample.CleanLanguage", "sample.CleanMisc", "sample.CleanJson"))
        .as("the clean classes were compiled and imported")
        .allMatch(allowed.graph()::contains);
    assertThat(allowed.violations()).extracting(Violation::message).isEmpty();
    assertThat(allowed.passed()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          process-exit            | sample.ExitsTheProcess     | quit(int)                  | calls System.exit(int)                     | System.exit(code)
          process-spawn           | sample.SpawnsProcesses     | run()                      | calls new ProcessBuilder(String[])         | new ProcessBuilder("ls")
          reflection              | sample.UsesReflection      | peek(Object)               | calls Class.getDeclaredField(String)       | getDeclaredField("secret")
          threads                 | sample.StartsThreads       | spawn()                    | calls new Thread(Runnable)                 | Thread worker = new Thread
          class-loading           | sample.LoadsClasses        | load()                     | calls Class.getClassLoader()               | getClass().getClassLoader()
          native-code             | sample.LoadsNativeCode     | load()                     | calls System.loadLibrary(String)           | System.loadLibrary("evil")
          system-state            | sample.ChangesSystemState  | mute()                     | calls System.setOut(PrintStream)           | System.setOut(
          network                 | sample.OpensConnections    | connect()                  | calls new Socket(String, int)              | new Socket("example.com", 80)
          sdk-client-built-inside | sample.BuildsClients       | constructor BuildsClients() | calls S3Client.create()                   | S3Client s3 = S3Client.create()
          file-system-tricks      | sample.FileSystemTricks    | tricks(Path)               | calls Files.createSymbolicLink(Path, Path, FileAttribute[]) | Files.createSymbolicLink(
          file-access-outside-nio | sample.AccessesFilesOutsideNio | read(String)           | calls new FileInputStream(String)          | new FileInputStream(name)
          file-access-outside-nio | sample.AccessesFilesOutsideNio | libraries(File)        | calls ObjectMapper.readTree(File)          | readTree(file)
          file-access-outside-nio | sample.AccessesFilesOutsideNio | fileMembers(Path)      | calls File.exists()                        | file.exists()
          jdk-internals           | sample.UsesJdkInternals    | pid()                      | calls ManagementFactory.getRuntimeMXBean() | ManagementFactory.getRuntimeMXBean()
          library-reflection      | sample.UsesJacksonRoutes   | configuration()            | calls ObjectMapper.addMixIn(Class, Class)  | json.addMixIn(
          library-json-types      | sample.UsesJacksonRoutes   | classes(String)            | passes FileOutputStream.class to ObjectMapper.readValue(String, Class) | Object stream = json.readValue
          library-json-types      | sample.UsesJacksonRoutes   | classes(String)            | passes UsesJacksonRoutes.Holder.class to ObjectMapper.readValue(String, Class), and Jackson would create a FileOutputStream for UsesJacksonRoutes.Holder.out | json.readValue("{}", Holder.class)
          library-annotations     | sample.UsesJacksonRoutes   | inject(String)             | has a parameter annotated @JacksonInject   | @JacksonInject String
          """)
  @DisplayName("each refused category names class, method, line, what was done and why")
  void namesClassMethodLineAndReason(String ruleId, String className, String method, String detail, String snippet) {
    // given
    String fileName = className.substring("sample.".length()) + ".java";
    int line = lineOf(refusedSources.resolve("sample").resolve(fileName), snippet);
    String reason = ruleReason(ruleId);

    // when / then
    assertThat(refused.violations())
        .contains(new Violation(className, method, line, fileName, ruleId, detail, reason));
  }

  @Test
  @DisplayName("a method reference, a lambda and a static initializer are reported where they are written")
  void methodReferencesLambdasAndInitializers() {
    assertThat(find("sample.ExitsTheProcess", "exitLater()"))
        .extracting(Violation::detail)
        .containsExactly("refers to System.exit(int)");
    assertThat(find("sample.ExitsTheProcess", "a lambda in exitInLambda()"))
        .extracting(Violation::detail)
        .containsExactly("calls System.exit(int)");
    assertThat(find("sample.ExitsTheProcess", "static initializer"))
        .extracting(Violation::detail)
        .containsExactly("calls Runtime.exit(int)");
  }

  @Test
  @DisplayName("a subclass of Thread or ClassLoader is reported as extending it, in the nested class")
  void subclassesAreReportedAsExtending() {
    assertThat(find("sample.StartsThreads$Worker", "constructor StartsThreads.Worker()"))
        .extracting(Violation::detail, Violation::ruleId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("extends Thread", "threads"));
    assertThat(find("sample.LoadsClasses$Mine", "constructor LoadsClasses.Mine()"))
        .extracting(Violation::detail, Violation::ruleId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("extends ClassLoader", "class-loading"));
  }

  @Test
  @DisplayName("declared finalizers and native methods are reported as declarations")
  void declarations() {
    assertThat(find("sample.StartsThreads", "finalize()"))
        .extracting(Violation::detail)
        .containsExactly("declares finalize(), which the JVM runs on a thread of its own");
    assertThat(find("sample.LoadsNativeCode", "poke()")).extracting(Violation::line).containsExactly(0);
    assertThat(find("sample.LoadsNativeCode", "poke()"))
        .extracting(Violation::detail)
        .containsExactly("declares a native method");
  }

  @Test
  @DisplayName("a violation reads as one sentence for the student")
  void message() {
    // given
    Violation exit =
        new Violation(
            "dev.awskit.exercises.q04.S3ObjectTransfer$Copier", "a lambda in copy(Path)", 42,
            "S3ObjectTransfer.java", "process-exit", "calls System.exit(int)",
            "your code runs inside the grader's own Java process");

    // when / then
    assertThat(exit.message())
        .isEqualTo(
            "A lambda in S3ObjectTransfer.Copier.copy(Path) (S3ObjectTransfer.java:42) calls"
                + " System.exit(int). This is not allowed: your code runs inside the grader's own"
                + " Java process.");
    assertThat(new Violation("a.B$C", "constructor B.C()", 7, "B.java", "threads", "extends Thread", "r").message())
        .isEqualTo("B.C (B.java:7) extends Thread. This is not allowed: r.");
    assertThat(new Violation("a.B", "a lambda in static initializer", 0, "", "threads", "calls Thread.start()", "r").message())
        .isEqualTo("A lambda in the static initializer of B calls Thread.start(). This is not allowed: r.");
    assertThat(new Violation("a.B", "constructor B(int)", 3, "", "threads", "calls Thread.start()", "r").message())
        .isEqualTo("The constructor B(int) (line 3) calls Thread.start(). This is not allowed: r.");
    assertThat(new Violation("a.B$1", "run()", 9, "B.java", "threads", "calls Thread.start()", "r").simpleClassName())
        .isEqualTo("B.(anonymous class)");
    assertThat(new Violation("a.B$2Local", "run()", 9, "B.java", "threads", "calls Thread.start()", "r").simpleClassName())
        .isEqualTo("B.Local");
  }

  @Test
  @DisplayName("every rule reads as a sentence with a reason")
  void rulesReadAsSentences() {
    assertThat(vetting.rules())
        .extracting(VettingRule::sentence)
        .allSatisfy(sentence -> assertThat(sentence).startsWith("no classes should ").contains(", because "));
    assertThat(vetting.rules()).extracting(VettingRule::id).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("an empty folder of classes passes; a missing one is a programming error")
  void emptyAndMissingFolders(@TempDir Path empty) {
    assertThat(vetting.vet(empty).violations()).isEmpty();
    assertThatThrownBy(() -> vetting.vet(empty.resolve("missing"))).isInstanceOf(IllegalArgumentException.class);
  }

  private List<Violation> find(String className, String method) {
    return refused.violations().stream()
        .filter(v -> v.className().equals(className) && v.method().equals(method))
        .toList();
  }

  private String ruleReason(String id) {
    return vetting.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().reason();
  }

  private static List<String> markers(Path sources) {
    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher marker = MARKER.matcher(lines.get(i));
          if (marker.find()) {
            for (String rule : marker.group(1).split(", ")) {
              int line = marker.group(2) == null ? i + 1 : 0;
              expected.add(file.getFileName() + ":" + line + " " + rule);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expected;
  }

  private static int lineOf(Path file, String snippet) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(snippet)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException(snippet + " not in " + file);
  }

  private static String messages(List<Violation> violations) {
    return violations.stream().map(Violation::message).collect(Collectors.joining(System.lineSeparator()));
  }

  static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(StaticVettingTest.class.getResource("/vetting/" + name)).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
