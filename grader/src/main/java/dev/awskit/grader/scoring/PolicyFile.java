package dev.awskit.grader.scoring;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.HiddenTest;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.scoring.PolicyYaml.Document;
import dev.awskit.grader.scoring.PolicyYaml.QuestionEntry;
import dev.awskit.grader.scoring.PolicyYaml.TestEntry;
import dev.awskit.grader.scoring.PolicyYaml.TierEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a grading policy (YAML) and applies it to the catalog, so that an instructor changes
 * points, tiers, test weights, visibility and the time limit without touching code.
 *
 * <p>Every problem is reported before anything is graded, as a {@link PolicyException} that names
 * the line. The format is described in {@code docs/grading-policy.md}. Its {@code late} section
 * (due date and late penalty) is read by {@link LatePolicyFile}.
 */
public final class PolicyFile {

  private static final Duration SHORTEST = Duration.ofMillis(100);
  private static final Duration LONGEST = Duration.ofMinutes(10);
  private static final Pattern DURATION =
      Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUESTION_KEY = Pattern.compile("^[qQ]?0*(\\d{1,3})$");

  private final String name;
  private final Catalog catalog;
  private final Map<String, Integer> lines;
  private final Map<Integer, String> overridePointers = new HashMap<>();

  private PolicyFile(String name, Catalog catalog, Map<String, Integer> lines) {
    this.name = name;
    this.catalog = catalog;
    this.lines = lines;
  }

  /** Reads the policy file and returns the scheme it describes for the catalog's questions. */
  public static GradingScheme load(Path file, Catalog catalog) throws PolicyException {
    return load(file, file.toString(), catalog);
  }

  /** Reads the policy file, naming it {@code name} in error messages. */
  public static GradingScheme load(Path file, String name, Catalog catalog)
      throws PolicyException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new PolicyException(
          name, 0, "cannot read the policy file (" + PolicyYaml.describe(unreadable) + ")");
    }
    return parse(name, text, catalog);
  }

  /** Reads a policy from text; {@code name} names it in error messages. */
  public static GradingScheme parse(String name, String text, Catalog catalog)
      throws PolicyException {
    YAMLFactory factory =
        YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    Map<String, Integer> lines = PolicyYaml.lineNumbers(name, text, factory);
    PolicyFile policy = new PolicyFile(name, catalog, lines);
    Document document = lines.isEmpty() ? null : PolicyYaml.read(name, text, factory, lines);
    return policy.apply(document == null ? Document.EMPTY : document);
  }



  private GradingScheme apply(Document document) throws PolicyException {
    GradingScheme defaults = GradingScheme.defaults(catalog);
    Duration timeLimit =
        document.timeLimit() == null ? defaults.timeLimit() : timeLimit(document.timeLimit());
    Visibility visibility =
        document.visibility() == null
            ? Visibility.VISIBLE
            : visibility(document.visibility(), "/visibility");
    List<Tier> tiers = document.tiers() == null ? defaults.tiers() : tiers(document.tiers());
    Map<Integer, QuestionEntry> overrides = questionOverrides(document.questions());
    List<QuestionRule> rules = new ArrayList<>();
    for (Question question : catalog.questions()) {
      Tier tier =
          tiers.stream()
              .filter(candidate -> candidate.questions().contains(question.number()))
              .findFirst()
              .orElseThrow();
      rules.add(rule(question, tier, overrides.get(question.number()), visibility));
    }
    Map<String, String> parameters =
        document.parameters() == null ? Map.of() : Map.copyOf(document.parameters());
    return new GradingScheme(timeLimit, tiers, rules, parameters);
  }

  private Duration timeLimit(String text) throws PolicyException {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      throw error(
          "/timeLimit",
          "timeLimit '" + text + "' is not a duration; write it like 5s, 500ms or 1m");
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase();
    long millis =
        Math.round(
            switch (unit) {
              case "ms" -> amount;
              case "m" -> amount * 60_000;
              default -> amount * 1_000;
            });
    Duration limit = Duration.ofMillis(millis);
    if (limit.compareTo(SHORTEST) < 0 || limit.compareTo(LONGEST) > 0) {
      throw error("/timeLimit", "timeLimit must lie between 100ms and 10m, not " + text);
    }
    return limit;
  }

  private Visibility visibility(String text, String pointer) throws PolicyException {
    Optional<Visibility> visibility = Visibility.of(text.trim());
    if (visibility.isEmpty()) {
      throw error(
          pointer,
          "visibility '" + text + "' is not one of visible, after_due_date, after_published,"
              + " hidden");
    }
    return visibility.get();
  }

  private List<Tier> tiers(Map<String, TierEntry> entries) throws PolicyException {
    if (entries.isEmpty()) {
      throw error("/tiers", "tiers is empty; list at least one tier, or leave tiers out");
    }
    Map<Integer, String> tierOf = new LinkedHashMap<>();
    List<Tier> tiers = new ArrayList<>();
    for (Map.Entry<String, TierEntry> entry : entries.entrySet()) {
      String tierName = entry.getKey();
      String pointer = "/tiers/" + tierName;
      TierEntry tier = entry.getValue();
      if (tier == null || tier.questions() == null || tier.questions().isEmpty()) {
        throw error(pointer, "tier '" + tierName + "' lists no questions");
      }
      if (tier.points() == null) {
        throw error(
            pointer, "tier '" + tierName + "' needs 'points': what each of its questions is worth");
      }
      if (tier.points() < 0) {
        throw error(pointer + "/points", "points cannot be negative");
      }
      for (int index = 0; index < tier.questions().size(); index++) {
        Integer question = tier.questions().get(index);
        String at = pointer + "/questions/" + index;
        if (question == null || catalog.question(question).isEmpty()) {
          throw error(at, "question " + question + " does not exist" + questionRange());
        }
        String other = tierOf.putIfAbsent(question, tierName);
        if (other != null) {
          throw error(
              at, "question " + question + " is in two tiers, '" + other + "' and '" + tierName
                  + "'");
        }
      }
      tiers.add(new Tier(tierName, tier.questions(), tier.points()));
    }
    List<Integer> orphans =
        catalog.questions().stream()
            .map(Question::number)
            .filter(number -> !tierOf.containsKey(number))
            .toList();
    if (!orphans.isEmpty()) {
      throw error(
          "/tiers",
          (orphans.size() == 1 ? "question " + orphans.get(0) + " is" : "questions " + orphans
              + " are") + " in no tier; every question needs exactly one");
    }
    return tiers;
  }

  private Map<Integer, QuestionEntry> questionOverrides(Map<String, QuestionEntry> entries)
      throws PolicyException {
    Map<Integer, QuestionEntry> overrides = new HashMap<>();
    overridePointers.clear();
    if (entries == null) {
      return overrides;
    }
    for (Map.Entry<String, QuestionEntry> entry : entries.entrySet()) {
      String pointer = "/questions/" + entry.getKey();
      Matcher matcher = QUESTION_KEY.matcher(entry.getKey().trim());
      if (!matcher.matches()) {
        throw error(
            pointer, "'" + entry.getKey() + "' is not a question number; write it like 7 or q07");
      }
      int number = Integer.parseInt(matcher.group(1));
      if (catalog.question(number).isEmpty()) {
        throw error(pointer, "question " + number + " does not exist" + questionRange());
      }
      if (overrides.containsKey(number)) {
        throw error(pointer, "question " + number + " appears twice under questions");
      }
      overrides.put(
          number, entry.getValue() == null ? new QuestionEntry(null, null, null) : entry.getValue());
      overridePointers.put(number, pointer);
    }
    return overrides;
  }

  private QuestionRule rule(
      Question question, Tier tier, QuestionEntry override, Visibility defaultVisibility)
      throws PolicyException {
    double points = tier.pointsPerQuestion();
    Visibility visibility = defaultVisibility;
    Map<HiddenTest, TestEntry> testOverrides = new HashMap<>();
    Map<HiddenTest, String> testPointers = new HashMap<>();
    if (override != null) {
      String pointer = overridePointers.get(question.number());
      if (override.points() != null) {
        if (override.points() < 0) {
          throw error(pointer + "/points", "points cannot be negative");
        }
        points = override.points();
      }
      if (override.visibility() != null) {
        visibility = visibility(override.visibility(), pointer + "/visibility");
      }
      if (override.tests() != null) {
        for (Map.Entry<String, TestEntry> entry : override.tests().entrySet()) {
          String testPointer = pointer + "/tests/" + entry.getKey();
          HiddenTest test = testNamed(question, entry.getKey(), testPointer);
          TestEntry testEntry = entry.getValue();
          if (testEntry != null && testEntry.points() != null && testEntry.points() < 0) {
            throw error(testPointer + "/points", "points cannot be negative");
          }
          if (testOverrides.put(test, testEntry) != null) {
            throw error(testPointer, "test '" + entry.getKey() + "' is named twice");
          }
          testPointers.put(test, testPointer);
        }
      }
    }
    List<TestWeight> weights = new ArrayList<>();
    for (HiddenTest test : question.tests()) {
      TestEntry entry = testOverrides.get(test);
      double weight = entry == null || entry.points() == null ? test.points() : entry.points();
      Visibility testVisibility =
          entry == null || entry.visibility() == null
              ? visibility
              : visibility(entry.visibility(), testPointers.get(test) + "/visibility");
      weights.add(new TestWeight(test, weight, testVisibility));
    }
    QuestionRule rule = new QuestionRule(question.number(), question.title(), tier.name(), points, weights);
    if (points > 0 && !question.tests().isEmpty() && rule.totalWeight() <= 0) {
      throw error(
          override == null ? "/questions" : overridePointers.get(question.number()),
          "every test of question " + question.number() + " weighs 0 points, so it cannot score");
    }
    return rule;
  }

  private HiddenTest testNamed(Question question, String key, String pointer)
      throws PolicyException {
    List<HiddenTest> matches =
        question.tests().stream()
            .filter(
                test ->
                    test.methodName().equals(key)
                        || test.id().equals(key)
                        || (test.classSimpleName() + "#" + test.methodName()).equals(key)
                        || formerIds(test).contains(key))
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw error(
          pointer,
          "question " + question.number() + " has no hidden test '" + key + "'; its tests are: "
              + question.tests().stream().map(HiddenTest::methodName).collect(Collectors.joining(", ")));
    }
    throw error(
        pointer,
        "'" + key + "' names several tests of question " + question.number()
            + "; write it as Class#method: "
            + matches.stream()
                .map(test -> test.classSimpleName() + "#" + test.methodName())
                .collect(Collectors.joining(", ")));
  }

  /**
   * Returns the names a test had before the hidden test classes took the one suffix {@code
   * HiddenTest} (they ended in {@code Test} or {@code Tests}), so that older policy files still
   * name it: {@code ItemStoreTest#scanReadsAllPages} for {@code ItemStoreHiddenTest}.
   */
  static List<String> formerIds(HiddenTest test) {
    String suffix = "HiddenTest";
    String simpleName = test.classSimpleName();
    if (!simpleName.endsWith(suffix)) {
      return List.of();
    }
    String stem = simpleName.substring(0, simpleName.length() - suffix.length());
    String qualifier = test.className().substring(0, test.className().length() - simpleName.length());
    List<String> ids = new ArrayList<>();
    for (String former : List.of(stem + "Test", stem + "Tests")) {
      ids.add(former + "#" + test.methodName());
      ids.add(qualifier + former + "#" + test.methodName());
    }
    return ids;
  }

  private String questionRange() {
    List<Integer> numbers = catalog.questions().stream().map(Question::number).toList();
    if (numbers.isEmpty()) {
      return " (the kit has no questions)";
    }
    return " (the kit has questions " + numbers.get(0) + " to " + numbers.get(numbers.size() - 1)
        + ")";
  }

  private PolicyException error(String pointer, String problem) {
    return new PolicyException(name, lineOf(pointer), problem);
  }

  private int lineOf(String pointer) {
    return PolicyYaml.lineOf(lines, pointer);
  }
}
