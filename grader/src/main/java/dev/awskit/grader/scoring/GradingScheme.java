package dev.awskit.grader.scoring;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.engine.RunSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the scoring rules of every question: tiers, points, test weights and visibility, and
 * the time limit of each test; the defaults, or a policy file applied to the catalog.
 *
 * @param timeLimit the time limit of every hidden test
 * @param tiers the tiers, in report order
 * @param questions the rule of every question of the catalog, in number order
 * @param parameters configuration parameters handed to the hidden tests
 */
public record GradingScheme(
    Duration timeLimit,
    List<Tier> tiers,
    List<QuestionRule> questions,
    Map<String, String> parameters) {

  /** Names the default tiers, their questions and their points per question. */
  public static final List<Tier> DEFAULT_TIERS =
      List.of(
          new Tier("easy", List.of(1, 2, 3, 4), 5),
          new Tier("intermediate", List.of(5, 6, 7, 8), 8),
          new Tier("advanced", List.of(9, 10, 11, 12), 12));

  /** Creates a scheme; the collections are copied. */
  public GradingScheme {
    tiers = List.copyOf(tiers);
    questions = List.copyOf(questions);
    parameters = Map.copyOf(parameters);
  }

  /**
   * Returns the default scheme: easy 1-4 at 5 points, intermediate 5-8 at 8, advanced 9-12 at 12
   * (100 in all), each test weighted by its {@code @Points}, every test visible, 5 s per test. A
   * question numbered outside 1-12 counts as advanced.
   */
  public static GradingScheme defaults(Catalog catalog) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    DEFAULT_TIERS.forEach(tier -> members.put(tier.name(), new ArrayList<>()));
    List<QuestionRule> rules = new ArrayList<>();
    for (Question question : catalog.questions()) {
      Tier tier = defaultTierOf(question.number());
      members.get(tier.name()).add(question.number());
      rules.add(
          new QuestionRule(
              question.number(),
              question.title(),
              tier.name(),
              tier.pointsPerQuestion(),
              question.tests().stream()
                  .map(test -> new TestWeight(test, test.points(), Visibility.VISIBLE))
                  .toList()));
    }
    List<Tier> tiers =
        DEFAULT_TIERS.stream()
            .map(tier -> new Tier(tier.name(), members.get(tier.name()), tier.pointsPerQuestion()))
            .toList();
    return new GradingScheme(RunSettings.DEFAULT_TIME_LIMIT, tiers, rules, Map.of());
  }

  private static Tier defaultTierOf(int question) {
    return DEFAULT_TIERS.stream()
        .filter(tier -> tier.questions().contains(question))
        .findFirst()
        .orElse(DEFAULT_TIERS.get(DEFAULT_TIERS.size() - 1));
  }

  /** Returns the rule of a question, if the scheme has it. */
  public Optional<QuestionRule> question(int number) {
    return questions.stream().filter(rule -> rule.number() == number).findFirst();
  }

  /** Returns the most a submission can score. */
  public double maxScore() {
    return questions.stream().mapToDouble(QuestionRule::maxPoints).sum();
  }

  /** Returns the settings the engine runs hidden tests with. */
  public RunSettings runSettings() {
    return new RunSettings(timeLimit, parameters);
  }
}
