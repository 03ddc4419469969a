package dev.awskit.grader.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.awskit.exercises.Exercise;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Lists the exercises and their hidden tests, as found on the grader's class path.
 *
 * <p>A question is an interface annotated {@link Exercise} in package {@code
 * dev.awskit.exercises.qNN}; its hidden tests are the Jupiter tests of the classes annotated
 * {@link QuestionTests} with its number in package {@code dev.awskit.grader.hidden.qNN}. Adding a
 * question is adding both: the catalog needs no registration. The build writes what it finds into
 * the grader's classes ({@link CatalogIndex}), where {@link #load} reads it back.
 */
public final class Catalog {

  /** Names the package under which the exercise contracts live. */
  public static final String CONTRACTS_PACKAGE = "dev.awskit.exercises";

  /** Names the package under which the hidden tests live. */
  public static final String HIDDEN_TESTS_PACKAGE = "dev.awskit.grader.hidden";

  private static final Pattern QUESTION_PACKAGE = Pattern.compile("\\.q(\\d{2})$");

  private final Map<Integer, Question> questions;
  private final Map<String, HiddenTest> tests;

  Catalog(List<Question> questions) {
    Map<Integer, Question> byNumber = new LinkedHashMap<>();
    Map<String, HiddenTest> byId = new LinkedHashMap<>();
    for (Question question : questions) {
      byNumber.put(question.number(), question);
      question.tests().forEach(test -> byId.put(test.id(), test));
    }
    this.questions = byNumber;
    this.tests = byId;
  }

  /**
   * Returns the twelve questions of the kit and their hidden tests: from the index the build wrote
   * among the grader's classes, or, where there is none (classes an IDE compiled), found on the
   * class path.
   */
  public static Catalog load() {
    return CatalogIndex.read(Catalog.class.getClassLoader()).orElseGet(Catalog::scanKit);
  }

  /** Finds the twelve questions of the kit and their hidden tests on the class path. */
  static Catalog scanKit() {
    return scan(CONTRACTS_PACKAGE, HIDDEN_TESTS_PACKAGE, 1, 12);
  }

  /**
   * Finds the questions numbered {@code first} to {@code last} under the given packages; the
   * grader's own tests use it with small fixture questions.
   */
  static Catalog scan(String contractsPackage, String hiddenPackage, int first, int last) {
    Map<Integer, Class<?>> contracts = findContracts(contractsPackage, first, last);
    Map<Integer, List<Class<?>>> testClasses = findTestClasses(hiddenPackage, first, last);
    for (Integer number : testClasses.keySet()) {
      if (!contracts.containsKey(number)) {
        throw new IllegalStateException(
            "Hidden tests exist for question " + number + " but no exercise contract does: "
                + testClasses.get(number).stream().map(Class::getName).toList());
      }
    }
    Map<Integer, List<HiddenTest>> hiddenTests =
        discoverTests(testClasses.values().stream().flatMap(List::stream).toList());
    List<Question> questions = new ArrayList<>();
    contracts.forEach(
        (number, contract) -> {
          Exercise exercise = contract.getAnnotation(Exercise.class);
          questions.add(
              new Question(
                  number,
                  exercise.title(),
                  contract.getName(),
                  exercise.implementation(),
                  Arrays.stream(exercise.constructor()).map(Class::getName).toList(),
                  hiddenTests.getOrDefault(number, List.of())));
        });
    return new Catalog(questions);
  }

  /** Returns the questions in number order. */
  public List<Question> questions() {
    return List.copyOf(questions.values());
  }

  /** Returns the question with that number, if the kit has it. */
  public Optional<Question> question(int number) {
    return Optional.ofNullable(questions.get(number));
  }

  /** Returns the hidden test with that identifier, if there is one. */
  public Optional<HiddenTest> test(String id) {
    return Optional.ofNullable(tests.get(id));
  }

  /** Returns every hidden test, question by question. */
  public List<HiddenTest> tests() {
    return List.copyOf(tests.values());
  }

  /** Returns the binary names of the hidden test classes of a question. */
  public List<String> testClasses(int question) {
    return question(question).map(Question::tests).orElse(List.of()).stream()
        .map(HiddenTest::className)
        .distinct()
        .toList();
  }

  /** Returns the binary names of the classes that the contracts name as implementations. */
  public Set<String> implementationClassNames() {
    return questions.values().stream()
        .map(Question::implementationClassName)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Returns the question whose contract or implementation has this simple name. */
  public Optional<Integer> questionNamed(String simpleName) {
    return questions.values().stream()
        .filter(
            question ->
                question.contractSimpleName().equals(simpleName)
                    || question.implementation().equals(simpleName))
        .map(Question::number)
        .findFirst();
  }

  /** Returns the question whose package (of contracts or of any other tree) ends in qNN. */
  public Optional<Integer> questionOfPackage(String packageName) {
    Matcher matcher = QUESTION_PACKAGE.matcher(packageName);
    if (!matcher.find()) {
      return Optional.empty();
    }
    int number = Integer.parseInt(matcher.group(1));
    return questions.containsKey(number) ? Optional.of(number) : Optional.empty();
  }

  private static Map<Integer, Class<?>> findContracts(String basePackage, int first, int last) {
    Map<Integer, Class<?>> contracts = new TreeMap<>();
    List<Class<?>> annotated =
        ReflectionSupport.findAllClassesInPackage(
            basePackage,
            type -> type.isInterface() && type.isAnnotationPresent(Exercise.class),
            name -> true);
    for (Class<?> contract : annotated) {
      Optional<Integer> number = numberOf(contract.getPackageName(), basePackage);
      if (number.isEmpty() || number.get() < first || number.get() > last) {
        continue;
      }
      Exercise exercise = contract.getAnnotation(Exercise.class);
      if (exercise.number() != number.get()) {
        throw new IllegalStateException(
            contract.getName() + " is in the package of question " + number.get()
                + " but its @Exercise says number " + exercise.number());
      }
      Class<?> other = contracts.put(number.get(), contract);
      if (other != null) {
        throw new IllegalStateException(
            "Question " + number.get() + " has two contracts: " + other.getName() + " and "
                + contract.getName());
      }
    }
    return contracts;
  }

  private static Map<Integer, List<Class<?>>> findTestClasses(
      String basePackage, int first, int last) {
    Map<Integer, List<Class<?>>> classes = new TreeMap<>();
    List<Class<?>> annotated =
        ReflectionSupport.findAllClassesInPackage(
            basePackage, type -> type.isAnnotationPresent(QuestionTests.class), name -> true);
    for (Class<?> type : annotated) {
      Optional<Integer> number = numberOf(type.getPackageName(), basePackage);
      if (number.isEmpty() || number.get() < first || number.get() > last) {
        continue;
      }
      int declared = type.getAnnotation(QuestionTests.class).value();
      if (declared != number.get()) {
        throw new IllegalStateException(
            type.getName() + " is in the package of question " + number.get()
                + " but its @QuestionTests says " + declared);
      }
      classes.computeIfAbsent(number.get(), key -> new ArrayList<>()).add(type);
    }
    classes.values().forEach(list -> list.sort(Comparator.comparing(Class::getName)));
    return classes;
  }

  private static Optional<Integer> numberOf(String packageName, String basePackage) {
    Matcher matcher = Pattern.compile("^" + Pattern.quote(basePackage) + "\\.q(\\d{2})$")
        .matcher(packageName);
    return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }

  private static Map<Integer, List<HiddenTest>> discoverTests(List<Class<?>> testClasses) {
    Map<Integer, List<HiddenTest>> tests = new TreeMap<>();
    if (testClasses.isEmpty()) {
      return tests;
    }
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(testClasses.stream().map(type -> selectClass(type)).toList())
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
            .build();
    TestPlan plan = Launchers.create().discover(request);
    Map<String, HiddenTest> byId = new LinkedHashMap<>();
    for (TestIdentifier root : plan.getRoots()) {
      collect(plan, root, byId);
    }
    for (HiddenTest test : byId.values()) {
      tests.computeIfAbsent(test.question(), key -> new ArrayList<>()).add(test);
    }
    return tests;
  }

  private static void collect(TestPlan plan, TestIdentifier node, Map<String, HiddenTest> byId) {
    Optional<MethodSource> source = methodSource(node.getSource());
    if (source.isPresent()) {
      HiddenTest test = describe(node, source.get());
      if (test != null && byId.putIfAbsent(test.id(), test) != null) {
        throw new IllegalStateException(
            "Two hidden tests share the method name " + test.id()
                + "; give every test method of a class its own name");
      }
      // The invocations of a parameterized test or a test factory count as one test.
      return;
    }
    for (TestIdentifier child : plan.getChildren(node)) {
      collect(plan, child, byId);
    }
  }

  private static HiddenTest describe(TestIdentifier node, MethodSource source) {
    Method method = source.getJavaMethod();
    if (AnnotationSupport.isAnnotated(method, Disabled.class)) {
      return null;
    }
    Class<?> outer = source.getJavaClass();
    while (!outer.isAnnotationPresent(QuestionTests.class) && outer.getEnclosingClass() != null) {
      outer = outer.getEnclosingClass();
    }
    int question = outer.getAnnotation(QuestionTests.class).value();
    int points = AnnotationSupport.findAnnotation(method, Points.class).map(Points::value).orElse(1);
    if (points < 1) {
      throw new IllegalStateException(
          "@Points of " + source.getClassName() + "#" + source.getMethodName()
              + " must be at least 1");
    }
    return new HiddenTest(
        HiddenTest.idOf(source.getClassName(), source.getMethodName()),
        question,
        source.getClassName(),
        source.getMethodName(),
        node.getDisplayName(),
        points);
  }

  static Optional<MethodSource> methodSource(Optional<TestSource> source) {
    return source.filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
  }
}
