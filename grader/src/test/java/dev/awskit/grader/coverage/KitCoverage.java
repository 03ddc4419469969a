package dev.awskit.grader.coverage;

import dev.awskit.grader.coverage.ContractCoverage.Contract;
import dev.awskit.grader.coverage.ContractCoverage.TracedTest;
import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.HiddenTest;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.hidden.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the kit's contracts from the exercises' sources and its hidden tests' {@link Checks}. */
final class KitCoverage {

  /** The exercises' sources, from the grader module's folder (where Surefire runs the tests). */
  private static final Path CONTRACTS = Path.of("..", "exercises", "src", "main", "java");

  private KitCoverage() {}

  /** Returns the coverage of the twelve contracts by the hidden tests the catalog finds. */
  static ContractCoverage load() {
    Catalog catalog = Catalog.load();
    List<Contract> contracts = new ArrayList<>();
    for (Question question : catalog.questions()) {
      Path source = CONTRACTS.resolve(question.contract().replace('.', '/') + ".java");
      try {
        contracts.add(
            new Contract(
                question.number(), question.title(), ContractRules.read(Files.readString(source))));
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
    List<TracedTest> tests = new ArrayList<>();
    for (HiddenTest test : catalog.tests()) {
      tests.add(
          new TracedTest(
              test.question(),
              test.classSimpleName() + "#" + test.methodName(),
              rulesOf(test.className(), test.methodName())));
    }
    return new ContractCoverage(contracts, tests);
  }

  /** Returns the rules a test method's {@link Checks} names, empty when it has none. */
  static List<String> rulesOf(String className, String methodName) {
    try {
      Class<?> type = Class.forName(className);
      Method method =
          Arrays.stream(type.getDeclaredMethods())
              .filter(candidate -> candidate.getName().equals(methodName))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(className + " has no " + methodName));
      Checks checks = method.getAnnotation(Checks.class);
      return checks == null ? List.of() : List.of(checks.value());
    } catch (ClassNotFoundException missing) {
      throw new IllegalStateException(missing);
    }
  }
}
