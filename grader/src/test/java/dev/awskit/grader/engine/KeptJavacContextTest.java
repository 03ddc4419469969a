package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a compiler keeping javac's context from one submission to the next compiles each
 * submission exactly as a compiler made for it alone: the same problems, the same classes, and
 * nothing of an earlier student's code in sight.
 */
class KeptJavacContextTest {

  private static final String Q99 = "dev/awskit/exercises/q99/";

  @Test
  void gradersTestJvmKeepsJavacContexts() {
    // when
    JavacContexts contexts = JavacContexts.open(ToolProvider.getSystemJavaCompiler(), List.of());

    // then: otherwise the test below would compare new contexts with new contexts
    assertThat(contexts)
        .as("the contexts of a JVM that exports %s to the grader", JavacContexts.POOL_PACKAGE)
        .isInstanceOf(JavacContexts.Kept.class);
  }

  @Test
  void keptContextCompilesEverySubmissionAsANewContextWould(@TempDir Path work) throws IOException {
    // given: submissions in an order where what one declares could leak into the next
    Map<String, Map<String, String>> submissions = new LinkedHashMap<>();
    submissions.put("declares-a-helper", Map.of(
        Q99 + "Helper.java", "package dev.awskit.exercises.q99;\n"
            + "class Helper { static String comma() { return \", \"; } }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + Helper.comma() + name + \"!\";")));
    submissions.put("uses-the-helper-it-did-not-write", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + Helper.comma() + name + \"!\";")));
    submissions.put("imports-a-parent-package-on-demand", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")
            .replace("public class", "import dev.awskit.*;\npublic class")));
    submissions.put("declares-a-package-of-its-own", Map.of(
        "dev/awskit/extra/Tools.java",
        "package dev.awskit.extra;\npublic class Tools { public static String bang() { return \"!\"; } }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + dev.awskit.extra.Tools.bang();")));
    submissions.put("imports-that-package-on-demand", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")
            .replace("public class", "import dev.awskit.extra.*;\npublic class")));
    submissions.put("names-a-class-of-that-package", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + dev.awskit.extra.Tools.bang();")));
    submissions.put("declares-a-class-of-the-sdk", Map.of(
        "software/amazon/awssdk/regions/Region.java",
        "package software.amazon.awssdk.regions;\npublic class Region { }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + \", \" + name + \"!\";")));
    submissions.put("uses-that-class-of-the-sdk", Map.of(
        Q99 + "FriendlyGreeter.java",
        greeter("return software.amazon.awssdk.regions.Region.US_EAST_1.id() + name;")));
    submissions.put("uses-the-implementation-it-did-not-write", Map.of(
        Q99 + "Greetings.java", "package dev.awskit.exercises.q99;\n"
            + "class Greetings { Greeter hello() { return new FriendlyGreeter(\"Hello\"); } }"));
    submissions.put("declares-nested-and-anonymous-classes", Map.of(
        Q99 + "FriendlyGreeter.java", "package dev.awskit.exercises.q99;\n"
            + "public class FriendlyGreeter implements Greeter {\n"
            + "  static class Parts { static String end() { return \"!\"; } }\n"
            + "  private final Greeter inner = new Greeter() {\n"
            + "    public String greet(String name) { return name + Parts.end(); } };\n"
            + "  public FriendlyGreeter(String salutation) { }\n"
            + "  public String greet(String name) { return inner.greet(name); } }"));
    submissions.put("uses-a-nested-class-it-did-not-write", Map.of(
        Q99 + "Ending.java", "package dev.awskit.exercises.q99;\n"
            + "class Ending { String end() { return FriendlyGreeter.Parts.end(); } }"));
    submissions.put("one-file-broken", Map.of(
        Q99 + "Broken.java", "package dev.awskit.exercises.q99;\nclass Broken { int x = \"text\"; }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("broken-and-declares-a-helper", Map.of(
        Q99 + "Joiner.java", "package dev.awskit.exercises.q99;\n"
            + "class Joiner { static String comma() { return \", \"; } int x = \"text\"; }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + Joiner.comma() + name;")));
    submissions.put("uses-the-broken-helper-it-did-not-write", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + Joiner.comma() + name;")));
    submissions.put("broken-and-declares-a-class-of-the-sdk", Map.of(
        "software/amazon/awssdk/regions/Region.java",
        "package software.amazon.awssdk.regions;\npublic class Region { int x = \"text\"; }",
        Q99 + "FriendlyGreeter.java",
        greeter("return software.amazon.awssdk.regions.Region.US_EAST_1.id() + name;")));
    submissions.put("uses-that-class-of-the-sdk-again", Map.of(
        Q99 + "FriendlyGreeter.java",
        greeter("return software.amazon.awssdk.regions.Region.US_WEST_2.id() + name;")));
    submissions.put("declares-a-util-package", Map.of(
        "dev/awskit/util/Texts.java", TEXTS,
        Q99 + "FriendlyGreeter.java", greeter("return salutation + dev.awskit.util.Texts.bang();")));
    submissions.put("declares-that-package-and-uses-a-class-it-did-not-write", Map.of(
        "dev/awskit/util/Other.java", "package dev.awskit.util;\n"
            + "public class Other { public static String s() { return Texts.bang(); } }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("imports-the-jdk-on-demand", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return List.of(salutation, name).get(1);")
            .replace("public class", "import java.util.*;\npublic class")));
    submissions.put("names-a-class-of-the-util-package-it-did-not-write", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + dev.awskit.util.Texts.bang();")));
    submissions.put("declares-the-util-package-again", Map.of(
        "dev/awskit/util/Texts.java", TEXTS,
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("imports-a-class-of-the-util-package-it-did-not-write", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + Texts.bang();")
            .replace("public class", "import dev.awskit.util.Texts;\npublic class")));
    submissions.put("declares-the-util-package-once-more", Map.of(
        "dev/awskit/util/Texts.java", TEXTS,
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("declares-a-class-named-like-that-package", Map.of(
        "dev/awskit/util.java", "package dev.awskit;\npublic class util { }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("declares-a-package-of-its-own-elsewhere", Map.of(
        "org/student/helpers/Texts.java", TEXTS.replace("dev.awskit.util", "org.student.helpers"),
        Q99 + "FriendlyGreeter.java",
        greeter("return salutation + org.student.helpers.Texts.bang();")));
    submissions.put("names-a-class-of-the-parent-of-that-package", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + org.student.Texts.bang();")));
    submissions.put("declares-that-package-elsewhere-again", Map.of(
        "org/student/helpers/Texts.java", TEXTS.replace("dev.awskit.util", "org.student.helpers"),
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("declares-a-class-in-the-parent-of-that-package", Map.of(
        "org/student/Crate.java", "package org.student;\npublic class Crate { }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + new org.student.Crate();")));
    submissions.put("imports-the-parent-of-that-package-on-demand", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")
            .replace("public class", "import org.student.*;\npublic class")));
    submissions.put("declares-a-class-in-a-package-of-its-own", Map.of(
        "org/student/Box.java", "package org.student;\npublic class Box { }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("declares-a-package-named-like-that-class", Map.of(
        "org/student/Box/Inner.java", "package org.student.Box;\npublic class Inner { }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("declares-a-class-in-a-package-of-the-jdk", Map.of(
        "java/util/Helper.java", "package java.util;\npublic class Helper { }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("imports-that-package-of-the-jdk-on-demand", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return List.of(salutation, name).get(1);")
            .replace("public class", "import java.util.*;\npublic class")));
    submissions.put("declares-classes-in-the-unnamed-package", Map.of(
        "Main.java", MAIN,
        "Tool.java", "class Tool { static final String NAME = \"tool\"; }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("uses-a-class-of-the-unnamed-package-it-did-not-write", Map.of(
        "Main.java", MAIN,
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("names-that-class-from-a-package", Map.of(
        Q99 + "FriendlyGreeter.java", greeter("return salutation + Tool.NAME;")));
    submissions.put("declares-those-classes-again", Map.of(
        "Main.java", MAIN,
        "Tool.java", "class Tool { static final String NAME = \"again\"; }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("declares-a-class-named-like-a-package-in-the-unnamed-package", Map.of(
        "software.java", "class software { static String id() { return \"x\"; } }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("names-that-package-from-the-unnamed-package", Map.of(
        "Main.java", "public class Main { public static void main(String[] args) {\n"
            + "  System.out.println(software.amazon.awssdk.regions.Region.US_EAST_1.id()); } }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("names-that-class-from-the-unnamed-package", Map.of(
        "Main.java", "public class Main { public static void main(String[] args) {\n"
            + "  System.out.println(software.id()); } }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("declares-a-lowercase-class-in-the-unnamed-package", Map.of(
        "helpers.java", "class helpers { }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));
    submissions.put("declares-a-package-named-like-that-lowercase-class", Map.of(
        "helpers/Texts.java",
        "package helpers;\npublic class Texts { public static String bang() { return \"!\"; } }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + helpers.Texts.bang();")));
    submissions.put("another-helper-of-the-same-name", Map.of(
        Q99 + "Helper.java", "package dev.awskit.exercises.q99;\n"
            + "class Helper { static String bang() { return \"!\"; } }",
        Q99 + "FriendlyGreeter.java", greeter("return salutation + Helper.comma() + name;")));

    try (SourceCompiler kept = FixtureCatalog.compiler()) {
      for (Map.Entry<String, Map<String, String>> submission : submissions.entrySet()) {
        Path folder = write(work.resolve(submission.getKey()), submission.getValue());

        // when
        Path keptClasses = Files.createDirectories(work.resolve("kept-" + submission.getKey()));
        Compilation byKept =
            kept.compile(folder, SubmissionSources.javaSources(folder), keptClasses);
        Path newClasses = Files.createDirectories(work.resolve("new-" + submission.getKey()));
        Compilation byNew;
        try (SourceCompiler fresh = FixtureCatalog.compiler()) {
          byNew = fresh.compile(folder, SubmissionSources.javaSources(folder), newClasses);
        }

        // then
        assertThat(byKept)
            .as("what the kept compiler made of %s", submission.getKey())
            .isEqualTo(byNew);
        assertThat(classesIn(keptClasses))
            .as("the classes the kept compiler wrote for %s", submission.getKey())
            .isEqualTo(classesIn(newClasses));
      }
    }
  }

  @Test
  void compilerReadsAFileAgainThatChangedWithinTheSameModificationTime(@TempDir Path work)
      throws IOException {
    // given: a broken file compiled once, then mended in place; file systems that keep times to
    // the second, and a batch that copies files with their times, leave the time as it was
    Path folder =
        write(work.resolve("submission"), Map.of(
            Q99 + "FriendlyGreeter.java", greeter("return salutation + name")));
    Path source = folder.resolve(Q99 + "FriendlyGreeter.java");
    FileTime modified = Files.getLastModifiedTime(source);

    try (SourceCompiler compiler = FixtureCatalog.compiler()) {
      Compilation broken =
          compiler.compile(
              folder,
              SubmissionSources.javaSources(folder),
              Files.createDirectories(work.resolve("first")));
      Files.writeString(source, greeter("return salutation + name;") + "\n");
      Files.setLastModifiedTime(source, modified);

      // when
      Compilation mended =
          compiler.compile(
              folder,
              SubmissionSources.javaSources(folder),
              Files.createDirectories(work.resolve("second")));

      // then: javac's file manager kept what it read until flushed (and, in a batch, every file)
      assertThat(broken.problems()).as("problems of the broken file").isNotEmpty();
      assertThat(mended.problems()).as("problems of the file mended in place").isEmpty();
    }
  }

  @Test
  void compilerReplacesItsFileManagerEveryFewCompilesAndCompilesAsBefore(@TempDir Path work)
      throws IOException {
    // given: submissions that alternate between compiling and not
    List<String> bodies =
        List.of("return salutation + name;", "return salutation + nam;", "return name;",
            "return salutation + name", "return salutation;");

    try (SourceCompiler renewing = FixtureCatalog.compiler(2)) {
      for (int index = 0; index < bodies.size(); index++) {
        Path folder =
            write(work.resolve("submission-" + index),
                Map.of(Q99 + "FriendlyGreeter.java", greeter(bodies.get(index))));

        // when
        Compilation byRenewing =
            renewing.compile(folder, SubmissionSources.javaSources(folder),
                Files.createDirectories(work.resolve("renewing-" + index)));
        Compilation byNew;
        try (SourceCompiler fresh = FixtureCatalog.compiler()) {
          byNew = fresh.compile(folder, SubmissionSources.javaSources(folder),
              Files.createDirectories(work.resolve("new-" + index)));
        }

        // then
        assertThat(byRenewing).as("what the renewing compiler made of %s", bodies.get(index))
            .isEqualTo(byNew);
      }
      // the first, then a new one after the second compile and after the fourth
      assertThat(renewing.fileManagersMade()).as("file managers made for 5 compiles").isEqualTo(3);
    }
  }

  @Test
  void keptContextServesWhatStudentsOftenWrite(@TempDir Path work) throws IOException {
    // given: packages of their own, imports of the JDK on demand, a scratch class in the unnamed
    // package; none of it naming what another student declared
    List<Map<String, String>> submissions =
        List.of(
            Map.of(
                "dev/awskit/util/Texts.java", TEXTS,
                Q99 + "FriendlyGreeter.java",
                greeter("return salutation + dev.awskit.util.Texts.bang();")),
            Map.of(
                Q99 + "FriendlyGreeter.java",
                greeter("return List.of(salutation, name).get(1);")
                    .replace("public class", "import java.util.*;\npublic class")),
            Map.of(
                "dev/awskit/util/Texts.java", TEXTS,
                Q99 + "FriendlyGreeter.java",
                greeter("return salutation + Texts.bang();")
                    .replace("public class", "import dev.awskit.util.*;\npublic class")),
            Map.of(
                "Main.java", MAIN,
                "Tool.java", "class Tool { static final String NAME = \"tool\"; }",
                Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")),
            Map.of(
                "Main.java", "public class Main { public static void main(String[] args) { } }",
                Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")),
            Map.of(Q99 + "FriendlyGreeter.java", greeter("return salutation + name;")));

    try (SourceCompiler kept = FixtureCatalog.compiler()) {
      for (int index = 0; index < submissions.size(); index++) {
        Path folder = write(work.resolve("submission-" + index), submissions.get(index));

        // when
        Compilation compiled =
            kept.compile(folder, SubmissionSources.javaSources(folder),
                Files.createDirectories(work.resolve("classes-" + index)));

        // then
        assertThat(compiled.problems()).as("problems of submission %d", index).isEmpty();
      }
      assertThat(kept.contextsDropped()).as("contexts dropped in six compiles").isZero();
    }
  }

  private static final String MAIN =
      "public class Main { public static void main(String[] args) {\n"
          + "  System.out.println(Tool.NAME); } }";

  private static final String TEXTS =
      "package dev.awskit.util;\npublic class Texts { public static String bang() { return \"!\"; } }";

  private static String greeter(String body) {
    return "package dev.awskit.exercises.q99;\n"
        + "public class FriendlyGreeter implements Greeter {\n"
        + "  private final String salutation;\n"
        + "  public FriendlyGreeter(String salutation) { this.salutation = salutation; }\n"
        + "  public String greet(String name) { " + body + " } }";
  }

  private static Path write(Path folder, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = folder.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue() + "\n");
    }
    return folder;
  }

  private static List<String> classesIn(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> folder.relativize(file).toString())
          .sorted()
          .toList();
    }
  }
}
