package dev.awskit.grader.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes the Maven project that grades one submission the plain way, the benchmark's baseline. */
final class PlainMavenProject {

  private PlainMavenProject() {}

  /**
   * Builds a Maven project that grades one submission the plain way: the submission's sources in
   * src/main/java, the grader's hidden tests in target/test-classes, every library the grader uses
   * as a dependency, and Surefire running the hidden tests against the compiled submission.
   */
  static Path write(Path graderTarget, Path submission, Path project) throws IOException {
    Path sources = project.resolve(Path.of("src", "main", "java"));
    Files.createDirectories(sources);
    copyTree(submission, sources);
    Path testClasses = project.resolve(Path.of("target", "test-classes"));
    Path hidden = graderTarget.resolve(Path.of("classes", "dev", "awskit", "grader", "hidden"));
    try (Stream<Path> questions = Files.list(hidden)) {
      for (Path question : questions.filter(Files::isDirectory).toList()) {
        copyTree(question, testClasses.resolve(graderTarget.resolve("classes").relativize(question)));
      }
    }
    List<Path> libraries = new ArrayList<>();
    libraries.add(graderTarget.resolve("awskit-grader.jar"));
    try (Stream<Path> lib = Files.list(graderTarget.resolve("lib"))) {
      // JUnit comes in with its Maven coordinates below, so that Surefire picks its provider.
      lib.filter(jar -> !jar.getFileName().toString().startsWith("solutions"))
          .filter(jar -> !jar.getFileName().toString().matches("(junit-|opentest4j|apiguardian).*"))
          .sorted()
          .forEach(libraries::add);
    }
    StringBuilder dependencies = new StringBuilder();
    for (int i = 0; i < libraries.size(); i++) {
      dependencies.append(
          String.format(
              "    <dependency><groupId>plain</groupId><artifactId>lib%d</artifactId><version>1</version>"
                  + "<scope>system</scope><systemPath>%s</systemPath></dependency>%n",
              i, libraries.get(i)));
    }
    String pom =
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>plain</groupId>
          <artifactId>%s</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
              <version>%s</version><scope>test</scope>
            </dependency>
        %s  </dependencies>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version>
                <configuration><proc>none</proc></configuration>
              </plugin>
              <plugin>
                <artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version>
                <configuration>
                  <systemPropertyVariables>
                    <awskit.submission.classpath>${project.build.outputDirectory}</awskit.submission.classpath>
                    <junit.jupiter.execution.timeout.default>5 s</junit.jupiter.execution.timeout.default>
                    <junit.jupiter.execution.timeout.thread.mode.default>SEPARATE_THREAD</junit.jupiter.execution.timeout.thread.mode.default>
                  </systemPropertyVariables>
                </configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """
            .formatted(project.getFileName(), junitVersion(graderTarget), dependencies);
    Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
    return project;
  }

  /** Returns the JUnit version the grader ships, read off its jar's name in lib/. */
  private static String junitVersion(Path graderTarget) throws IOException {
    try (Stream<Path> lib = Files.list(graderTarget.resolve("lib"))) {
      return lib.map(jar -> jar.getFileName().toString())
          .filter(name -> name.startsWith("junit-jupiter-api-"))
          .map(name -> name.substring("junit-jupiter-api-".length(), name.length() - ".jar".length()))
          .findFirst()
          .orElseThrow(() -> new IOException("No junit-jupiter-api jar in " + graderTarget.resolve("lib")));
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
  }

}
