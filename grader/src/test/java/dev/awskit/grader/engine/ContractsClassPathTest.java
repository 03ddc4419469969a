package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Shows that javac sees the exercise contracts on the class path, and not the stubs. */
class ContractsClassPathTest {

  private static final String PACKAGE = "dev.awskit.exercises.q99";

  @Test
  void stubsAreNeitherListedNorFoundWhileContractsAre() throws IOException {
    // given
    StandardJavaFileManager standard =
        ToolProvider.getSystemJavaCompiler()
            .getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8);
    standard.setLocationFromPaths(StandardLocation.CLASS_PATH, GraderClassPath.entries());
    try (ContractsClassPath files =
        new ContractsClassPath(standard, FixtureCatalog.load().implementationClassNames())) {

      // when
      Set<String> listed =
          StreamSupport.stream(
                  files
                      .list(StandardLocation.CLASS_PATH, PACKAGE, Set.of(JavaFileObject.Kind.CLASS), false)
                      .spliterator(),
                  false)
              .map(file -> files.inferBinaryName(StandardLocation.CLASS_PATH, file))
              .collect(Collectors.toSet());

      // then
      assertThat(listed)
          .as("the classes of %s javac is shown", PACKAGE)
          .contains(PACKAGE + ".Greeter", PACKAGE + ".GreetingException")
          .doesNotContain(PACKAGE + ".FriendlyGreeter");
      assertThat(files.holds(PACKAGE + ".FriendlyGreeter")).as("the stub is found").isFalse();
      assertThat(files.holds(PACKAGE + ".Greeter")).as("the contract is found").isTrue();
      assertThat(standard.getJavaFileForInput(
              StandardLocation.CLASS_PATH, PACKAGE + ".FriendlyGreeter", JavaFileObject.Kind.CLASS))
          .as("the stub on the class path itself")
          .isNotNull();
    }
  }
}
